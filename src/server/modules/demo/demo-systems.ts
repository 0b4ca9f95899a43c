import fs from 'node:fs';
import { parse, stringify } from 'yaml';
import { fromRoot } from '../../paths';

/** What the catalog's {{placeholders}} stand for on this machine. */
export interface CatalogValues {
  /** This DistrictOps server's own URL (http://127.0.0.1:3000): the demo's checks stay on this machine. */
  selfUrl: string;
  /** The demo's staff email domain. */
  domain: string;
  /** District administrators from the roster, by position (`{{administrator:N}}`). */
  administrators: readonly string[];
}

const template = fromRoot('src/server/modules/demo/demo-systems.yaml');

/**
 * The server's address as something a check can connect to: a wildcard listen address (0.0.0.0,
 * ::) becomes loopback, and a bare IPv6 host gets its brackets.
 */
export function reachableSelfUrl(url: string): URL {
  const m = /^(https?):\/\/(.+):(\d+)\/?$/.exec(url);
  if (m && !m[2]!.startsWith('[')) {
    const host = m[2] === '0.0.0.0' ? '127.0.0.1' : m[2] === '::' ? '[::1]' : m[2]!.includes(':') ? `[${m[2]}]` : m[2]!;
    return new URL(`${m[1]}://${host}:${m[3]}`);
  }
  return new URL(url);
}

/**
 * The demo catalog as a config-as-code file, ready for `importSystemsYaml` (the same import as
 * `districtops systems import`). Placeholders are filled in parsed values, not in the text, so a
 * value can never break the YAML, and a port is a number again.
 */
export function demoSystemsYaml(values: CatalogValues): string {
  const self = reachableSelfUrl(values.selfUrl);
  const vars: Record<string, string | number> = {
    self: self.origin,
    selfHost: self.hostname.replace(/^\[(.*)\]$/, '$1'),
    selfPort: Number(self.port || (self.protocol === 'https:' ? 443 : 80)),
    domain: values.domain,
  };
  values.administrators.forEach((id, i) => (vars[`administrator:${i}`] = id));

  const fill = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const whole = /^\{\{([\w:]+)\}\}$/.exec(value);
      if (whole && typeof vars[whole[1]!] === 'number') return vars[whole[1]!];
      return value.replace(/\{\{([\w:]+)\}\}/g, (_, name: string) => {
        const v = vars[name];
        if (v === undefined) throw new Error(`demo-systems.yaml: nothing to put in {{${name}}}`);
        return String(v);
      });
    }
    if (Array.isArray(value)) return value.map(fill);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]));
    return value;
  };
  return stringify(fill(parse(fs.readFileSync(template, 'utf8'))), { lineWidth: 0 });
}
