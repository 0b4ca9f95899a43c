#!/usr/bin/env node
// A stand-in for a district system while you try DistrictOps on one machine (README, "Systems and
// status"): answers every GET with 200 {"status":"ok"} and prints every POST it receives, so it can
// play the SSO server, the LMS and the webhook that alerts reach. Usage: node scripts/local-peer.js PORT [NAME]
import http from 'node:http';
import { Buffer } from 'node:buffer';
import process from 'node:process';

const say = (line) => process.stdout.write(`${line}\n`);

const port = Number(process.argv[2]);
const name = process.argv[3] ?? `peer :${port}`;
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  process.stderr.write('usage: node scripts/local-peer.js PORT [NAME]\n');
  process.exit(2);
}

http
  .createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'POST') {
        const body = Buffer.concat(chunks).toString('utf8');
        let shown = body;
        try {
          shown = JSON.stringify(JSON.parse(body), null, 2);
        } catch {
          // not JSON: shown as it came
        }
        say(`\n${new Date().toISOString()} ${name} received ${req.method} ${req.url}\n${shown}`);
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"ok"}');
    });
  })
  .listen(port, '127.0.0.1', () => say(`${name} listening on http://127.0.0.1:${port} (Ctrl-C stops it)`));
