// What every module receives: the app role's database, the secret box, the configuration.

import type { Config } from './config.js';
import type { KeyRing } from './crypto/seal.js';
import type { SecretBox } from './crypto/secret-box.js';
import type { Database } from './db/database.js';

export interface AppContext {
  db: Database;
  secrets: SecretBox;
  /** The keys My Number is sealed with (ARCHITECTURE rule 7): never in the database. */
  myNumberKeys: KeyRing;
  config: Pick<Config, 'secureCookies'> & Partial<Config>;
  /** Per-minute request limit per client address. */
  rateLimitPerMinute: number;
  /** Per-minute limit per client address on the sign-in and second-factor steps. */
  signInRateLimitPerMinute: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}
