import { Resolver } from 'node:dns/promises';
import type { z } from 'zod';
import type { dnsCheckSchema } from '../../../../shared/api/systems';
import { elapsed, failed, withDeadline, type CheckOutcome } from './outcome';

type DnsCheck = z.infer<typeof dnsCheckSchema>;

async function answers(resolver: Resolver, spec: DnsCheck): Promise<string[]> {
  switch (spec.record) {
    case 'A':
      return resolver.resolve4(spec.host);
    case 'AAAA':
      return resolver.resolve6(spec.host);
    case 'CNAME':
      return resolver.resolveCname(spec.host);
    case 'MX':
      return (await resolver.resolveMx(spec.host)).map((m) => m.exchange);
    case 'TXT':
      return (await resolver.resolveTxt(spec.host)).map((parts) => parts.join(''));
    case 'NS':
      return resolver.resolveNs(spec.host);
  }
}

export async function runDnsCheck(spec: DnsCheck, timeoutMs: number): Promise<CheckOutcome> {
  const started = performance.now();
  const resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
  if (spec.resolver) resolver.setServers([spec.resolver]);
  try {
    const found = await withDeadline(timeoutMs, () => answers(resolver, spec));
    const latencyMs = elapsed(started);
    const normal = (s: string) => s.toLowerCase().replace(/\.$/, '');
    if (spec.expect && !found.some((a) => normal(a) === normal(spec.expect!))) {
      return failed(`${spec.record} ${spec.host} is ${found.join(', ') || 'empty'}, expected ${spec.expect}`, latencyMs);
    }
    return { ok: true, latencyMs, message: `${spec.record} ${spec.host} → ${found.join(', ')}` };
  } catch (err) {
    return failed(`${spec.record} ${spec.host}: ${(err as Error).message}`);
  } finally {
    resolver.cancel();
  }
}
