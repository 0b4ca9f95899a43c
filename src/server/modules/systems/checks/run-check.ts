import type { CheckSpec, CheckState } from '../../../../shared/api/systems';
import { runDnsCheck } from './dns.check';
import { runHttpCheck } from './http.check';
import { failed, type CheckOutcome } from './outcome';
import { runTcpCheck } from './tcp.check';
import { runTlsCheck } from './tls.check';

/** A check as the scheduler holds it: its spec and its run-time state (the database mirrors it). */
export interface LiveCheck {
  id: string;
  districtId: string;
  systemId: string;
  key: string;
  spec: CheckSpec;
  state: CheckState;
  failures: number;
  firstFailureAt: number | null;
  lastBeatAt: number | null;
  createdAt: number;
}

/** Each attempt must end before the next one is due, whatever the spec says. */
export function timeoutOf(spec: CheckSpec): number {
  return Math.min(spec.timeout ?? 10_000, spec.interval - 1000);
}

/** A beat may be late by this much before it counts as missed: the nightly job's own run time varies. */
export function graceOf(spec: CheckSpec): number {
  return spec.type === 'heartbeat' && spec.grace !== undefined ? spec.grace : Math.max(60_000, spec.interval / 10);
}

export function heartbeatDueBy(check: LiveCheck): number {
  return (check.lastBeatAt ?? check.createdAt) + check.spec.interval + graceOf(check.spec);
}

export async function runCheck(check: LiveCheck, now: number): Promise<CheckOutcome> {
  const spec = check.spec;
  switch (spec.type) {
    case 'http':
      return runHttpCheck(spec, timeoutOf(spec));
    case 'tcp':
      return runTcpCheck(spec, timeoutOf(spec));
    case 'dns':
      return runDnsCheck(spec, timeoutOf(spec));
    case 'tls':
      return runTlsCheck(spec, timeoutOf(spec), now);
    case 'heartbeat': {
      const due = heartbeatDueBy(check);
      if (now <= due) {
        return {
          ok: true,
          latencyMs: null,
          message: check.lastBeatAt ? `last beat ${new Date(check.lastBeatAt).toISOString()}` : 'waiting for the first beat',
        };
      }
      return failed(check.lastBeatAt ? `no beat since ${new Date(check.lastBeatAt).toISOString()}` : 'no beat received yet');
    }
  }
}

/**
 * The state after an attempt. A failure is retried (sooner than the interval) `retries` times
 * before the check is called down, so one dropped packet does not page anyone; a missed
 * heartbeat is not retried — it was already given its grace.
 */
export function nextState(
  check: LiveCheck,
  outcome: CheckOutcome,
  now: number,
): { state: CheckState; failures: number; firstFailureAt: number | null; retrySoon: boolean } {
  if (outcome.ok) return { state: outcome.degraded ? 'degraded' : 'up', failures: 0, firstFailureAt: null, retrySoon: false };
  const failures = check.failures + 1;
  const retries = check.spec.type === 'heartbeat' ? 0 : check.spec.retries;
  const firstFailureAt = check.firstFailureAt ?? now;
  if (failures > retries) return { state: 'down', failures, firstFailureAt, retrySoon: false };
  return { state: check.state, failures, firstFailureAt, retrySoon: true };
}
