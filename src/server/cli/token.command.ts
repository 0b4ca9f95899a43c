import type { Command } from 'commander';
import type { Config } from '../config';
import { openDatabase } from '../context';
import { tokenRoles, tokenRoleSchema } from '../../shared/roles';
import { createApiToken, listApiTokens, revokeApiToken } from '../platform/auth/api-tokens.service';
import { writeAudit } from '../platform/audit';
import { AppError } from '../platform/errors';
import { CliError } from './cli-error';
import { collect, resolveDistrict, resolveSchools } from './helpers';

export function registerTokenCommands(program: Command, config: () => Config) {
  const token = program.command('token').description('Manage API tokens for integrations (Authorization: Bearer …)');

  token
    .command('create')
    .description('Create a token; its secret is printed once and stored only as a hash')
    .requiredOption('--name <name>', 'what the token is for, e.g. "SIS nightly sync"')
    .requiredOption('--role <role>', `one of: ${tokenRoles.join(', ')}`)
    .option('--school <school>', 'limit to a school (id, sourcedId or name; repeatable; required for principal)', collect)
    .option('--district <district>', 'district id, sourcedId or name, when there are several')
    .option('--expires <date>', 'expiry date (YYYY-MM-DD)')
    .action(async (o: { name: string; role: string; school?: string[]; district?: string; expires?: string }) => {
      const role = tokenRoleSchema.safeParse(o.role);
      if (!role.success) throw new CliError(`--role: "${o.role}" is not one of ${tokenRoles.join(', ')}`);
      const expiresAt = o.expires ? new Date(o.expires) : null;
      if (expiresAt && Number.isNaN(expiresAt.getTime())) throw new CliError(`--expires: "${o.expires}" is not a date (YYYY-MM-DD)`);
      const opened = await openDatabase(config(), 'token create');
      try {
        const district = await resolveDistrict(opened.db, o.district);
        const schoolIds = await resolveSchools(opened.db, district.id, o.school ?? []);
        const created = await opened.db
          .transaction(async (tx) => {
            const c = await createApiToken(tx, {
              districtId: district.id,
              name: o.name,
              role: role.data,
              schoolIds,
              createdBy: null,
              expiresAt,
            });
            await writeAudit(tx, {
              districtId: district.id,
              actor: null,
              actorLabel: 'cli',
              action: 'token.created',
              entityType: 'api_token',
              entityId: c.info.id,
              details: { name: o.name, role: role.data },
            });
            return c;
          })
          .catch((err: unknown) => {
            if (err instanceof AppError) throw new CliError(err.message);
            throw err;
          });
        console.log(`Token "${o.name}" (${role.data}) created with id ${created.info.id}. Its secret, shown only now:\n${created.token}`);
      } finally {
        await opened.close();
      }
    });

  token
    .command('revoke <id>')
    .description('Revoke a token by id; it stops working at once')
    .option('--district <district>', 'district id, sourcedId or name, when there are several')
    .action(async (id: string, o: { district?: string }) => {
      const opened = await openDatabase(config(), 'token revoke');
      try {
        const district = await resolveDistrict(opened.db, o.district);
        const info = await opened.db
          .transaction(async (tx) => {
            const i = await revokeApiToken(tx, district.id, id);
            await writeAudit(tx, {
              districtId: district.id,
              actor: null,
              actorLabel: 'cli',
              action: 'token.revoked',
              entityType: 'api_token',
              entityId: id,
            });
            return i;
          })
          .catch((err: unknown) => {
            if (err instanceof AppError || /invalid input syntax for type uuid/.test(String(err)))
              throw new CliError(`No token with id ${id}`);
            throw err;
          });
        console.log(`Revoked token "${info.name}" (${info.id}).`);
      } finally {
        await opened.close();
      }
    });

  token
    .command('list')
    .description('List tokens with their last use')
    .option('--district <district>', 'district id, sourcedId or name, when there are several')
    .action(async (o: { district?: string }) => {
      const opened = await openDatabase(config(), 'token list');
      try {
        const district = await resolveDistrict(opened.db, o.district);
        const items = await listApiTokens(opened.db, district.id);
        if (items.length === 0) console.log('No tokens.');
        for (const t of items) {
          console.log(
            `${t.id}  ${t.prefix}…  ${t.role.padEnd(20)} ${t.name}  ${t.revokedAt ? `revoked ${t.revokedAt}` : `last used ${t.lastUsedAt ?? 'never'}`}`,
          );
        }
      } finally {
        await opened.close();
      }
    });
}
