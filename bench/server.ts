// The app as the benchmark serves it, in its own process so that the load
// generator does not share its event loop. It adds one baseline route that does
// the same SELECT as the audited read, with no session, policy, RLS or audit.

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { generateKeyRing } from '../src/server/crypto/seal.js';
import { SecretBox } from '../src/server/crypto/secret-box.js';
import { createDatabase } from '../src/server/db/database.js';

const port = Number(process.env.BENCH_PORT);
const db = createDatabase({
  connectionString: process.env.BENCH_APP_URL as string,
  max: Number(process.env.BENCH_POOL ?? 10),
});
const bare = new pg.Pool({ connectionString: process.env.BENCH_SUPERUSER_URL as string, max: 10 });

const app = await buildApp(
  {
    db,
    secrets: SecretBox.fromKey(randomBytes(32)),
    myNumberKeys: generateKeyRing().ring,
    config: { secureCookies: false },
    rateLimitPerMinute: 100_000_000,
    signInRateLimitPerMinute: 100_000_000,
  },
  {
    extraRoutes: (child) => {
      child.get(
        '/bench/bare/:id',
        { config: { access: { public: true, reason: 'benchmark baseline only; never part of the app' } } },
        async (req) => {
          const { rows } = await bare.query(
            `SELECT consultee_id, organization_id, office_id, family_name, given_name, family_name_kana, given_name_kana,
                    sex, birth_date, postal_code, address, phone, phone_mobile, email, sex_note, name_key, kana_key,
                    phone_key, basic_source, basic_source_detail, created_by, created_at, updated_at
             FROM consultees WHERE consultee_id = $1`,
            [(req.params as { id: string }).id],
          );
          return rows[0];
        },
      );
    },
  },
);
await app.listen({ port, host: '127.0.0.1' });
process.send?.('ready');
process.on('SIGTERM', async () => {
  await app.close();
  await db.destroy();
  await bare.end();
  process.exit(0);
});
