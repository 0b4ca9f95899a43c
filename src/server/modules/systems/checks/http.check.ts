import http from 'node:http';
import https from 'node:https';
import type { z } from 'zod';
import type { httpCheckSchema } from '../../../../shared/api/systems';
import { elapsed, failed, type CheckOutcome } from './outcome';

type HttpCheck = z.infer<typeof httpCheckSchema>;
const MAX_BODY = 1024 * 1024;

export function statusMatches(status: number, ranges: string): boolean {
  return ranges.split(',').some((part) => {
    const [lo, hi = lo] = part.split('-').map(Number);
    return lo !== undefined && hi !== undefined && status >= lo && status <= hi;
  });
}

/** Reads `$.a.b[0].c` (or `a.b.0.c`) out of a parsed JSON document. */
export function readJsonPath(doc: unknown, path: string): unknown {
  const parts = path
    .replace(/^\$\.?/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean);
  let at: unknown = doc;
  for (const p of parts) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[p];
  }
  return at;
}

interface Answer {
  status: number;
  body: string;
  latencyMs: number;
}

// One agent per protocol without keep-alive: every check still opens a fresh connection (and, over
// TLS, a full handshake: no session cache), so its latency includes connecting as a user's would,
// without building a throwaway agent for each request (`agent: false`) a thousand times a minute.
const agents = {
  http: new http.Agent({ keepAlive: false }),
  https: new https.Agent({ keepAlive: false, maxCachedSessions: 0 }),
};

/** One request, abandoned after `timeoutMs` (a timer rather than an AbortController: fewer objects per check). */
function request(spec: HttpCheck, timeoutMs: number): Promise<Answer> {
  const url = new URL(spec.url);
  const started = performance.now();
  const isHttps = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const options = { method: spec.method, headers: spec.headers, rejectUnauthorized: spec.verifyTls };
    const req = isHttps
      ? https.request(url, { ...options, agent: agents.https }, answered)
      : http.request(url, { ...options, agent: agents.http }, answered);
    const deadline = setTimeout(() => {
      reject(new Error(`no answer within ${timeoutMs} ms`));
      req.destroy();
    }, timeoutMs);
    const fail = (err: Error) => {
      clearTimeout(deadline);
      reject(err);
    };
    function answered(res: http.IncomingMessage) {
      const latencyMs = elapsed(started);
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        if (size < MAX_BODY) chunks.push(c);
        size += c.length;
      });
      res.on('end', () => {
        clearTimeout(deadline);
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), latencyMs });
      });
      res.on('error', fail);
    }
    req.on('error', fail);
    req.end(spec.body);
  });
}

export async function runHttpCheck(spec: HttpCheck, timeoutMs: number): Promise<CheckOutcome> {
  let answer: Answer;
  try {
    answer = await request(spec, timeoutMs);
  } catch (err) {
    return failed((err as Error).message);
  }
  const { status, body, latencyMs } = answer;
  const expect = spec.expect;
  if (!statusMatches(status, expect.status)) return failed(`HTTP ${status}, expected ${expect.status}`, latencyMs);
  if (expect.bodyContains && !body.includes(expect.bodyContains))
    return failed(`HTTP ${status}, body lacks "${expect.bodyContains}"`, latencyMs);
  if (expect.json) {
    let doc: unknown;
    try {
      doc = JSON.parse(body);
    } catch {
      return failed(`HTTP ${status}, body is not JSON`, latencyMs);
    }
    const value = readJsonPath(doc, expect.json.path);
    if (value !== expect.json.equals && String(value) !== String(expect.json.equals)) {
      return failed(
        `${expect.json.path} is ${JSON.stringify(value) ?? 'missing'}, expected ${JSON.stringify(expect.json.equals)}`,
        latencyMs,
      );
    }
  }
  if (expect.maxLatency !== undefined && latencyMs > expect.maxLatency) {
    return { ok: true, degraded: true, latencyMs, message: `HTTP ${status} in ${latencyMs} ms, slower than ${expect.maxLatency} ms` };
  }
  return { ok: true, latencyMs, message: `HTTP ${status} in ${latencyMs} ms` };
}
