import dgram from 'node:dgram';

export type DnsRecords = Record<
  string,
  { A?: string[]; AAAA?: string[]; CNAME?: string[]; TXT?: string[]; MX?: { priority: number; exchange: string }[] }
>;

const TYPES: Record<number, keyof DnsRecords[string]> = { 1: 'A', 28: 'AAAA', 5: 'CNAME', 16: 'TXT', 15: 'MX' };

function encodeName(name: string): Buffer {
  const parts = name.replace(/\.$/, '').split('.').filter(Boolean);
  return Buffer.concat([...parts.map((p) => Buffer.concat([Buffer.from([p.length]), Buffer.from(p)])), Buffer.from([0])]);
}

function rdata(type: keyof DnsRecords[string], value: unknown): Buffer {
  switch (type) {
    case 'A':
      return Buffer.from((value as string).split('.').map(Number));
    case 'AAAA': {
      const full = (value as string).includes('::') ? expand(value as string) : (value as string);
      return Buffer.from(full.split(':').flatMap((h) => [parseInt(h, 16) >> 8, parseInt(h, 16) & 0xff]));
    }
    case 'CNAME':
      return encodeName(value as string);
    case 'TXT': {
      const s = Buffer.from(value as string);
      return Buffer.concat([Buffer.from([s.length]), s]);
    }
    case 'MX': {
      const mx = value as { priority: number; exchange: string };
      const pref = Buffer.alloc(2);
      pref.writeUInt16BE(mx.priority);
      return Buffer.concat([pref, encodeName(mx.exchange)]);
    }
  }
}

function expand(v6: string): string {
  const [head = '', tail = ''] = v6.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  return [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t].join(':');
}

/** A tiny authoritative DNS server on loopback UDP: enough of RFC 1035 for the DNS check's tests. */
export async function startDnsServer(records: DnsRecords): Promise<{ address: string; records: DnsRecords; close(): Promise<void> }> {
  const socket = dgram.createSocket('udp4');
  socket.on('message', (msg, rinfo) => {
    let offset = 12;
    const labels: string[] = [];
    while (msg[offset]! > 0) {
      labels.push(msg.subarray(offset + 1, offset + 1 + msg[offset]!).toString());
      offset += msg[offset]! + 1;
    }
    const qtype = msg.readUInt16BE(offset + 1);
    const question = msg.subarray(12, offset + 5);
    const name = labels.join('.').toLowerCase();
    const type = TYPES[qtype];
    const entry = records[name];
    const values: unknown[] = (type && entry?.[type]) || [];
    const header = Buffer.alloc(12);
    header.writeUInt16BE(msg.readUInt16BE(0), 0);
    header.writeUInt16BE(0x8180 | (entry ? 0 : 3), 2); // response, recursion available; NXDOMAIN for unknown names
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(values.length, 6);
    const answers = values.map((v) => {
      const data = rdata(type!, v);
      const fixed = Buffer.alloc(12);
      fixed.writeUInt16BE(0xc00c, 0); // pointer to the name in the question
      fixed.writeUInt16BE(qtype, 2);
      fixed.writeUInt16BE(1, 4);
      fixed.writeUInt32BE(60, 6);
      fixed.writeUInt16BE(data.length, 10);
      return Buffer.concat([fixed, data]);
    });
    socket.send(Buffer.concat([header, question, ...answers]), rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${socket.address().port}`,
    records,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
