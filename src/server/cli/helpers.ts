import type { Queryable } from '../db/client';
import { CliError } from './cli-error';

/** The district a command acts on: the one named, or the only one there is. */
export async function resolveDistrict(db: Queryable, ref: string | undefined): Promise<{ id: string; name: string }> {
  const { rows } = await db.query<{ id: string; name: string; sourced_id: string | null }>(
    'SELECT id, name, sourced_id FROM districts ORDER BY created_at',
  );
  if (ref) {
    const hit = rows.find((d) => d.id === ref || d.sourced_id === ref || d.name.toLowerCase() === ref.toLowerCase());
    if (!hit) throw new CliError(`No district "${ref}". Districts: ${rows.map((d) => `${d.name} (${d.id})`).join(', ') || 'none'}`);
    return hit;
  }
  if (rows.length === 1) return rows[0]!;
  if (rows.length === 0) throw new CliError('The database has no district yet: pass --district-name to create one.');
  throw new CliError(`Several districts exist: choose one with --district (${rows.map((d) => `${d.name} = ${d.id}`).join('; ')})`);
}

/** Resolves school references (id, sourcedId or exact name) within a district. */
export async function resolveSchools(db: Queryable, districtId: string, refs: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const ref of refs) {
    const { rows } = await db.query<{ id: string }>(
      `SELECT id FROM schools WHERE district_id = $1 AND (id::text = $2 OR sourced_id = $2 OR lower(name) = lower($2))`,
      [districtId, ref],
    );
    if (!rows[0]) throw new CliError(`No school "${ref}" in this district (use its id, sourcedId or exact name)`);
    ids.push(rows[0].id);
  }
  return ids;
}

export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw new CliError('--password-stdin expects the password on standard input (for example: echo "$PW" | districtops …)');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export function collect(value: string, previous: string[] = []) {
  return [...previous, value];
}
