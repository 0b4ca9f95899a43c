/** What one attempt of a check found. `degraded`: it answered, but not well (slow, certificate expiring). */
export interface CheckOutcome {
  ok: boolean;
  degraded?: boolean;
  latencyMs: number | null;
  message: string;
}

export const failed = (message: string, latencyMs: number | null = null): CheckOutcome => ({ ok: false, latencyMs, message });

/** Rejects with a clear message when `work` takes longer than `ms`: no check may hang the scheduler. */
export function withDeadline<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`no answer within ${ms} ms`));
    }, ms);
  });
  return Promise.race([work(controller.signal), deadline]).finally(() => clearTimeout(timer));
}

export function elapsed(startedAt: number): number {
  return Math.round(performance.now() - startedAt);
}
