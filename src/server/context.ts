// What every module receives: the app role's database, the secret box, the configuration.

import type { Config } from './config.js';
import type { SecretBox } from './crypto/secret-box.js';
import type { Database } from './db/database.js';

export interface AppContext {
  db: Database;
  secrets: SecretBox;
  config: Pick<Config, 'secureCookies'> & Partial<Config>;
  /** Per-minute request limit per client address (sign-in has its own, lower one). */
  rateLimitPerMinute: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}
