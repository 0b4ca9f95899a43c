import type { Command } from 'commander';
import type { Config } from '../config';
import { openDatabase } from '../context';
import { roles, roleSchema, schoolScopedRoles } from '../../shared/roles';
import { passwordSchema, emailSchema } from '../../shared/api/auth';
import { createAccount } from '../platform/auth/accounts.service';
import type { RoleGrant } from '../platform/auth/accounts.repository';
import { createPasswordReset } from '../platform/auth/password-reset.service';
import { generatePassword } from '../platform/auth/crypto';
import { writeAudit } from '../platform/audit';
import { createMailer } from '../platform/mail';
import { AppError } from '../platform/errors';
import { resetLink } from '../modules/auth/reset-email';
import { CliError } from './cli-error';
import { collect, readStdin, resolveDistrict, resolveSchools } from './helpers';

export function registerUserCommands(program: Command, config: () => Config) {
  const user = program.command('user').description('Manage sign-in accounts');

  user
    .command('add')
    .description('Create an account. Prints a generated password unless --password-stdin is given.')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--role <role>', `one of: ${roles.join(', ')} (repeatable)`, collect)
    .option('--school <school>', 'school id, sourcedId or name, for school-scoped roles (repeatable)', collect)
    .option('--person <id>', 'link to a roster person (required for teacher, student, guardian)')
    .option('--district <district>', 'district id, sourcedId or name, when there are several')
    .option('--district-name <name>', 'create this district first if the database has none')
    .option('--password-stdin', 'read the password from standard input')
    .action(
      async (o: {
        email: string;
        name: string;
        role: string[];
        school?: string[];
        person?: string;
        district?: string;
        districtName?: string;
        passwordStdin?: boolean;
      }) => {
        const email = emailSchema.safeParse(o.email);
        if (!email.success) throw new CliError(`--email: ${email.error.issues[0]!.message}`);
        const parsedRoles = o.role.map((r) => {
          const p = roleSchema.safeParse(r);
          if (!p.success) throw new CliError(`--role: "${r}" is not one of ${roles.join(', ')}`);
          return p.data;
        });
        let password: string;
        let generated = false;
        if (o.passwordStdin) {
          password = await readStdin();
          const ok = passwordSchema.safeParse(password);
          if (!ok.success) throw new CliError(`password: ${ok.error.issues[0]!.message}`);
        } else {
          password = generatePassword();
          generated = true;
        }
        const opened = await openDatabase(config(), 'user add');
        try {
          const { db } = opened;
          const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM districts');
          if (rows[0]!.n === 0 && o.districtName) {
            await db.query('INSERT INTO districts (name) VALUES ($1)', [o.districtName]);
          }
          const district = await resolveDistrict(db, o.district);
          const schoolIds = await resolveSchools(db, district.id, o.school ?? []);
          const grants: RoleGrant[] = parsedRoles.flatMap((role): RoleGrant[] =>
            schoolScopedRoles.includes(role)
              ? schoolIds.length > 0
                ? schoolIds.map((schoolId) => ({ role, schoolId }))
                : [{ role, schoolId: null }]
              : [{ role, schoolId: null }],
          );
          try {
            const id = await db.transaction(async (tx) => {
              const accountId = await createAccount(
                db,
                { districtId: district.id, email: email.data, displayName: o.name, roles: grants, personId: o.person ?? null, password },
                tx,
              );
              await writeAudit(tx, {
                districtId: district.id,
                actor: null,
                actorLabel: 'cli',
                action: 'account.created',
                entityType: 'account',
                entityId: accountId,
                details: { email: email.data, roles: grants },
              });
              return accountId;
            });
            console.log(`Created ${email.data} (${parsedRoles.join(', ')}) in ${district.name}; account id ${id}`);
            if (generated) console.log(`Password: ${password}\nKeep it safe: it is not shown again.`);
          } catch (err) {
            if (err instanceof AppError) throw new CliError(`${err.options.field ? `${err.options.field}: ` : ''}${err.message}`);
            throw err;
          }
        } finally {
          await opened.close();
        }
      },
    );

  user
    .command('reset-password')
    .description('Create a single-use password reset link (valid one hour): emailed when SMTP_URL is set, printed otherwise')
    .requiredOption('--email <email>', "the account's email")
    .action(async (o: { email: string }) => {
      const cfg = config();
      const opened = await openDatabase(cfg, 'user reset-password');
      try {
        const reset = await createPasswordReset(opened.db, o.email);
        if (!reset) throw new CliError(`No active account with the email ${o.email}`);
        const link = resetLink(cfg.publicUrl ?? `http://${cfg.host}:${cfg.port}`, reset.token);
        const mailer = createMailer({ smtpUrl: cfg.smtpUrl, from: cfg.mailFrom });
        try {
          const sent = await mailer.send({
            to: reset.email,
            subject: 'Reset your DistrictOps password',
            text: `Open this link within an hour to choose a new password:\n\n${link}\n`,
          });
          console.log(
            sent
              ? `A reset link was emailed to ${reset.email}.`
              : `Reset link for ${reset.email} (single use, expires ${reset.expiresAt.toISOString()}):\n${link}`,
          );
        } finally {
          mailer.close();
        }
      } finally {
        await opened.close();
      }
    });
}
