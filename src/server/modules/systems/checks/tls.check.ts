import net from 'node:net';
import tls from 'node:tls';
import type { z } from 'zod';
import type { tlsCheckSchema } from '../../../../shared/api/systems';
import { elapsed, failed, withDeadline, type CheckOutcome } from './outcome';

const DAY = 86_400_000;

/** Connects, reads the server certificate, and judges its expiry: expired is down, within warnDays degraded. */
export async function runTlsCheck(spec: z.infer<typeof tlsCheckSchema>, timeoutMs: number, now = Date.now()): Promise<CheckOutcome> {
  const started = performance.now();
  let socket: tls.TLSSocket | undefined;
  try {
    const cert = await withDeadline(
      timeoutMs,
      () =>
        new Promise<tls.PeerCertificate>((resolve, reject) => {
          const servername = spec.servername ?? (net.isIP(spec.host) ? undefined : spec.host);
          socket = tls.connect({ host: spec.host, port: spec.port, servername, rejectUnauthorized: spec.verify }, () =>
            resolve(socket!.getPeerCertificate()),
          );
          socket.on('error', reject);
        }),
    );
    const latencyMs = elapsed(started);
    const expires = Date.parse(cert.valid_to);
    if (Number.isNaN(expires)) return failed('the server sent no certificate', latencyMs);
    const days = Math.floor((expires - now) / DAY);
    const when = new Date(expires).toISOString().slice(0, 10);
    if (expires <= now) return failed(`certificate expired on ${when}`, latencyMs);
    if (days < spec.warnDays) return { ok: true, degraded: true, latencyMs, message: `certificate expires in ${days} days (${when})` };
    return { ok: true, latencyMs, message: `certificate valid until ${when} (${days} days)` };
  } catch (err) {
    return failed(`${spec.host}:${spec.port}: ${(err as Error).message}`);
  } finally {
    socket?.destroy();
  }
}
