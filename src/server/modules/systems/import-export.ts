import type { Db, Queryable } from '../../db/client';
import type { ChannelSpec } from '../../../shared/api/systems';
import type { ImportResult } from '../../../shared/api/system-views';
import { applySystems } from './apply-systems';
import { loadCatalog, toSpec } from './catalog.repository';
import { auditChange, canonical, SpecError, type Author } from './spec-support';

// The YAML parser (and the `yaml` package) loads with the first import or export, not with every server.
const loadYaml = () => import('./systems-yaml');

export async function loadChannels(db: Queryable, districtId: string): Promise<{ id: string; spec: ChannelSpec }[]> {
  const { rows } = await db.query<{ id: string; spec: ChannelSpec }>(
    'SELECT id, spec FROM notification_channels WHERE district_id = $1 ORDER BY position, created_at',
    [districtId],
  );
  return rows;
}

async function replaceChannels(tx: Queryable, districtId: string, channels: ChannelSpec[], author: Author): Promise<boolean> {
  const old = await loadChannels(tx, districtId);
  if (canonical(old.map((c) => c.spec)) === canonical(channels)) return false;
  await tx.query('DELETE FROM notification_channels WHERE district_id = $1', [districtId]);
  for (const [position, spec] of channels.entries()) {
    await tx.query('INSERT INTO notification_channels (district_id, position, spec) VALUES ($1, $2, $3)', [
      districtId,
      position,
      JSON.stringify(spec),
    ]);
  }
  await auditChange(tx, districtId, author, {
    action: 'notifications.replaced',
    entityType: 'notification_channels',
    entityId: districtId,
    details: { count: channels.length, types: channels.map((c) => c.type) },
  });
  return true;
}

/**
 * Imports a config-as-code file in one transaction: either every system and channel in it is
 * applied, or (on any error, named by line and field) nothing changes.
 */
export async function importSystemsYaml(
  db: Db,
  o: { districtId: string; text: string; prune?: boolean; author: Author },
): Promise<ImportResult> {
  const { fileError, parseSystemsYaml } = await loadYaml();
  const parsed = parseSystemsYaml(o.text);
  try {
    return await db.transaction(async (tx) => {
      const result = await applySystems(tx, {
        districtId: o.districtId,
        specs: parsed.file.systems,
        mode: 'upsert',
        prune: o.prune,
        author: o.author,
      });
      if (parsed.file.notifications) {
        result.notificationsReplaced = await replaceChannels(tx, o.districtId, parsed.file.notifications, o.author);
      }
      return result;
    });
  } catch (err) {
    if (err instanceof SpecError) {
      const path = ['systems', err.index, ...err.path];
      throw fileError(path, err.message, parsed.locate(path));
    }
    throw err;
  }
}

export async function exportSystemsYaml(db: Queryable, districtId: string): Promise<string> {
  const catalog = await loadCatalog(db, districtId);
  const channels = await loadChannels(db, districtId);
  const { stringifySystemsFile } = await loadYaml();
  return stringifySystemsFile(
    catalog.systems.map((row) => toSpec(row, catalog)),
    channels.map((c) => c.spec),
  );
}
