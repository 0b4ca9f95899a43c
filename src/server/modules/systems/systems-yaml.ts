import { LineCounter, parseDocument, stringify, isNode, type Document } from 'yaml';
import { AppError } from '../../platform/errors';
import {
  formatDuration,
  systemsFileSchema,
  type ChannelSpec,
  type CheckSpec,
  type SystemSpec,
  type SystemsFile,
} from '../../../shared/api/systems';

/** A parsed file and a way back from a field's path to its line, for errors found later (cycles). */
export interface ParsedSystemsFile {
  file: SystemsFile;
  locate(path: (string | number)[]): { line: number; column: number } | undefined;
}

function locator(doc: Document, lines: LineCounter) {
  return (path: (string | number)[]) => {
    // A missing field has no node: point at the nearest enclosing one that exists.
    for (let n = path.length; n >= 0; n--) {
      const node: unknown = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const pos = lines.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return undefined;
  };
}

export function fileError(path: (string | number)[], message: string, at: { line: number; column: number } | undefined): AppError {
  const field = path.join('.');
  const where = at ? `line ${at.line}` : 'the file';
  return new AppError('validation_failed', `${where}${field ? `, ${field}` : ''}: ${message}`, {
    field: field || undefined,
    details: at ? { line: at.line, column: at.column } : undefined,
  });
}

/** Parses and validates the YAML text; a problem is an AppError naming the line and the field. */
export function parseSystemsYaml(text: string): ParsedSystemsFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const pos = lines.linePos(syntax.pos[0]);
    throw fileError([], syntax.message.split('\n')[0] ?? 'invalid YAML', { line: pos.line, column: pos.col });
  }
  const locate = locator(doc, lines);
  const parsed = systemsFileSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    throw fileError(path, issue.message, locate(path));
  }
  return { file: parsed.data, locate };
}

// Export leaves out what the schema fills in by itself, so the file reads like one a person wrote.
const checkDefaults: Record<string, unknown> = { retries: 1, interval: 60_000, method: 'GET', verifyTls: true, verify: true, warnDays: 14 };
const durationKeys = new Set(['interval', 'timeout', 'grace', 'maxLatency', 'remindEvery']);
const keyOrder = ['type', 'name', 'url', 'host', 'port', 'record', 'method', 'interval', 'timeout', 'retries'];

function exportCheck(check: CheckSpec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const entries = Object.entries(check).sort(([a], [b]) => {
    const ia = keyOrder.indexOf(a);
    const ib = keyOrder.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  });
  for (const [k, v] of entries) {
    if (v === undefined || checkDefaults[k] === v) continue;
    if (check.type === 'tls' && k === 'port' && v === 443) continue;
    if (check.type === 'dns' && k === 'record' && v === 'A') continue;
    if (k === 'expect' && v && typeof v === 'object') {
      const expect = Object.fromEntries(
        Object.entries(v as Record<string, unknown>)
          .filter(([ek, ev]) => ev !== undefined && !(ek === 'status' && ev === '200-299'))
          .map(([ek, ev]) => [ek, durationKeys.has(ek) && typeof ev === 'number' ? formatDuration(ev) : ev]),
      );
      if (Object.keys(expect).length > 0) out.expect = expect;
      continue;
    }
    out[k] = durationKeys.has(k) && typeof v === 'number' ? formatDuration(v) : v;
  }
  return out;
}

function exportSystem(s: SystemSpec): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries({
      id: s.id,
      name: s.name,
      category: s.category,
      tier: s.tier,
      owner: s.owner,
      vendor: s.vendor,
      hosting: s.hosting,
      audience: s.audience,
      public: s.public,
      description: s.description,
      runbook: s.runbook,
      dependsOn: s.dependsOn.length ? s.dependsOn.map((d) => (d.kind === 'hard' ? d.id : { id: d.id, kind: d.kind })) : undefined,
      checks: s.checks.length ? s.checks.map(exportCheck) : undefined,
    }).filter(([, v]) => v !== undefined),
  );
}

function exportChannel(c: ChannelSpec): Record<string, unknown> {
  const { type, remindEvery, ...rest } = c;
  return remindEvery === undefined ? { type, ...rest } : { type, ...rest, remindEvery: formatDuration(remindEvery) };
}

export function stringifySystemsFile(systems: SystemSpec[], channels: ChannelSpec[]): string {
  return stringify({ systems: systems.map(exportSystem), notifications: channels.map(exportChannel) }, { lineWidth: 0 });
}
