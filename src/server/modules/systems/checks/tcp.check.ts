import net from 'node:net';
import type { z } from 'zod';
import type { tcpCheckSchema } from '../../../../shared/api/systems';
import { elapsed, failed, withDeadline, type CheckOutcome } from './outcome';

export async function runTcpCheck(spec: z.infer<typeof tcpCheckSchema>, timeoutMs: number): Promise<CheckOutcome> {
  const started = performance.now();
  let socket: net.Socket | undefined;
  try {
    await withDeadline(
      timeoutMs,
      () =>
        new Promise<void>((resolve, reject) => {
          socket = net.connect({ host: spec.host, port: spec.port }, resolve);
          socket.on('error', reject);
        }),
    );
    const latencyMs = elapsed(started);
    return { ok: true, latencyMs, message: `connected to ${spec.host}:${spec.port} in ${latencyMs} ms` };
  } catch (err) {
    return failed(`${spec.host}:${spec.port}: ${(err as Error).message}`);
  } finally {
    socket?.destroy();
  }
}
