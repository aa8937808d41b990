// The command line: npm run cli -- <command> [options]
//
//   migrate                                   apply database migrations (as the owner)
//   init --tenant <name> --admin <login>      create a tenant and its first administrator
//        [--code <code>] [--admin-name <name>]
//   demo [--code <code>]                      create the demo tenant with fictional staff and consultees
//   verify-audit [--tenant <code>]            verify every audit chain; exit 1 on the first break
//   my-number-keygen [--out <file>]           a new My Number key ring: a new current key, the old ones kept
//   my-number-rekey                           re-seal every My Number under the current key

import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.js';
import { BREAK_REASON_TEXT } from './core/audit-chain.js';
import { ROLE_LABELS } from './core/roles.js';
import { migrate } from './db/migrate.js';
import { openOwnerConnection } from './db/runtime.js';
import { listTenants, verifyTenant } from './audit/verify.js';
import { createDemoTenant } from './tenancy/demo.js';
import { loadMyNumberKeys, writeNewKeyRing } from './crypto/my-number-keys.js';
import { rekeyMyNumbers } from './modules/my-number/rekey.js';
import {
  asOwnerInTenant,
  codeFrom,
  createOrganization,
  createStaffRow,
  createTenant,
  ProvisionError,
  typed,
} from './tenancy/provision.js';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  migrate                                  Apply database migrations as the owner role
  init --tenant <name> --admin <login>     Create a tenant (municipality) and its first administrator;
       [--code <code>] [--admin-name <name>] prints a one-time password, to be changed at first sign-in
  demo [--code <code>]                     Create a demo tenant with fictional staff and consultees
  verify-audit [--tenant <code>]           Verify the audit chains; exit 1 naming the first broken record
  my-number-keygen [--out <file>]          Write a new My Number key ring: a new current key, every old key kept.
                                           Replaces the ring file in use (MY_NUMBER_KEY_FILE, or DATA_DIR/my-number-keys.json),
                                           or writes --out (which must not exist). Restart the servers, then run my-number-rekey
  my-number-rekey                          Re-seal every stored My Number under the current key; prints how many

Database: the embedded PostgreSQL in DATA_DIR (default ./data), or DATABASE_URL with DATABASE_OWNER_URL.`;

/**
 * One digest of every chain head. Kept outside the database (a log, a printout),
 * it reveals a wholesale rewrite of the trail that leaves each chain consistent.
 */
function anchorOf(heads: readonly { chainNo: number; lastSeq: string; lastHash: string }[]): string {
  const text = heads.map((h) => `${h.chainNo}:${h.lastSeq}:${h.lastHash}`).join('\n');
  return createHash('sha256').update(text).digest('hex');
}

function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    print(USAGE);
    return command ? 0 : 2;
  }
  if (!['migrate', 'init', 'demo', 'verify-audit', 'my-number-keygen', 'my-number-rekey'].includes(command)) {
    print(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      tenant: { type: 'string' },
      admin: { type: 'string' },
      'admin-name': { type: 'string' },
      code: { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
  });
  const config = loadConfig();
  if (command === 'my-number-keygen') {
    // The keys are never in the database: this command does not open it.
    const written = await writeNewKeyRing({ env: process.env, dataDir: config.dataDir, out: values.out });
    print(
      `Wrote a My Number key ring to ${written.file} (mode 0600) with the new current key "${written.currentKeyId}".`,
    );
    print(
      `It holds ${written.keyCount} key(s): the earlier ones are kept so that numbers sealed under them still open.`,
    );
    print('Restart every server with this ring, then run: npm run cli -- my-number-rekey');
    return 0;
  }
  // Read before the database is opened, so that a missing ring stops the command at once.
  const ring =
    command === 'my-number-rekey'
      ? await loadMyNumberKeys({ env: process.env, dataDir: config.dataDir, create: false })
      : null;
  const connection = await openOwnerConnection(config);
  try {
    const db = typed(connection.ownerDb);
    switch (command) {
      case 'migrate': {
        const applied = await migrate(connection.ownerDb, connection.appRole);
        print(applied.length ? `Applied: ${applied.join(', ')}` : 'The schema is already current.');
        return 0;
      }
      case 'init': {
        if (!values.tenant || !values.admin) throw new ConfigError('init needs --tenant <name> and --admin <login>');
        const code = values.code ?? codeFrom(values.tenant);
        if (!code)
          throw new ConfigError(
            'The tenant name is not in Latin letters; give a sign-in code with --code (e.g. --code ome)',
          );
        const login = values.admin.toLowerCase();
        const tenantId = await createTenant(db, { code, name: values.tenant });
        const { password } = await asOwnerInTenant(db, tenantId, async (tx) => {
          const organizationId = await createOrganization(tx, tenantId, {
            kind: 'municipality',
            name: values.tenant as string,
          });
          return createStaffRow(tx, tenantId, {
            login,
            displayName: values['admin-name'] ?? 'システム管理者',
            organizationId,
            roles: ['system_administrator'],
          });
        });
        print(`Created tenant "${values.tenant}" (sign-in code: ${code}).`);
        print(`Administrator: ${login}`);
        print(`One-time password (shown only now): ${password}`);
        print('At first sign-in the administrator chooses a new password and sets up a second factor (TOTP).');
        return 0;
      }
      case 'demo': {
        const result = await createDemoTenant(db, connection.appDb(), values.code ?? 'demo');
        print(`Created the demo tenant "${result.name}" with ${result.consultees} fictional consultees.`);
        print(`Open http://localhost:${config.port} and sign in with the code "${result.code}":`);
        print();
        for (const a of result.accounts) {
          const roles = a.roles.map((r) => ROLE_LABELS[r]).join('・');
          print(`  ${a.login.padEnd(10)} ${a.password}   ${a.displayName}(${roles}、${a.organization})`);
        }
        print();
        print(
          'The privacy protection manager (hogo) and the administrator (kanri) set up a second factor at first sign-in.',
        );
        print('Everything in this tenant is fictional.');
        return 0;
      }
      case 'verify-audit': {
        const tenants = (await listTenants(db)).filter((t) => !values.tenant || t.code === values.tenant);
        if (values.tenant && tenants.length === 0) throw new ConfigError(`No tenant with the code "${values.tenant}"`);
        let broken = 0;
        for (const t of tenants) {
          const result = await verifyTenant(db, t);
          if (result.breaks.length === 0) {
            print(
              `OK      ${t.code} (${t.name}): ${result.events} events in ${result.chains} chains, anchor ${anchorOf(result.heads)}`,
            );
            continue;
          }
          broken++;
          for (const b of result.breaks) {
            print(
              `BROKEN  ${t.code} (${t.name}): chain ${b.chainNo}, first broken sequence number ${b.chainSeq}` +
                `${b.eventId ? ` (event ${b.eventId})` : ''}: ${BREAK_REASON_TEXT[b.reason]}`,
            );
          }
        }
        if (tenants.length === 0) print('No tenants.');
        return broken > 0 ? 1 : 0;
      }
      case 'my-number-rekey': {
        if (!ring) throw new ConfigError('No My Number key ring');
        const result = await rekeyMyNumbers(db, ring);
        for (const t of result.tenants) {
          print(`${t.code} (${t.name}): re-sealed ${t.resealed} of ${t.held} My Number(s)`);
        }
        print(`Re-sealed ${result.resealed} My Number(s) under the current key "${result.currentKeyId}".`);
        return 0;
      }
      default:
        print(`Unknown command "${command}".\n\n${USAGE}`);
        return 2;
    }
  } finally {
    await connection.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known =
      error instanceof ConfigError ||
      error instanceof ProvisionError ||
      (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
    process.stderr.write(
      `${known ? (error as Error).message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(2);
  },
);
