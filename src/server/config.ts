// Configuration from the environment, checked once at start-up with clear messages.

import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** The app's connection (a role that owns nothing). Unset: the embedded PostgreSQL in dataDir. */
  databaseUrl: string | null;
  /** The owner's connection, for migrations. */
  databaseOwnerUrl: string | null;
  /** Base64 of a 32-byte key, or null to use secretKeyFile. */
  secretKey: string | null;
  secretKeyFile: string;
  /** Mark cookies Secure (serve over HTTPS in production). */
  secureCookies: boolean;
  trustProxy: boolean;
  logLevel: string;
  /** Requests per minute per client address, and for the sign-in steps. */
  rateLimitPerMinute: number;
  signInRateLimitPerMinute: number;
}

export class ConfigError extends Error {}

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max} (got "${value}")`);
  }
  return n;
}

function bool(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false (got "${value}")`);
}

function postgresUrl(name: string, value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`${name} must start with postgres:// or postgresql://`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR || 'data');
  const databaseUrl = postgresUrl('DATABASE_URL', env.DATABASE_URL);
  const databaseOwnerUrl = postgresUrl('DATABASE_OWNER_URL', env.DATABASE_OWNER_URL);
  if (databaseOwnerUrl && !databaseUrl) {
    throw new ConfigError(
      'DATABASE_OWNER_URL is set but DATABASE_URL is not; set both, or neither for the embedded database',
    );
  }
  return {
    port: integer('PORT', env.PORT, 3000, 1, 65535),
    host: env.HOST || '127.0.0.1',
    dataDir,
    databaseUrl,
    databaseOwnerUrl,
    secretKey: env.APP_SECRET_KEY || null,
    secretKeyFile: path.resolve(env.APP_SECRET_KEY_FILE || path.join(dataDir, 'secret.key')),
    secureCookies: bool('SECURE_COOKIES', env.SECURE_COOKIES, false),
    trustProxy: bool('TRUST_PROXY', env.TRUST_PROXY, false),
    logLevel: env.LOG_LEVEL || 'info',
    rateLimitPerMinute: integer('RATE_LIMIT_PER_MINUTE', env.RATE_LIMIT_PER_MINUTE, 600, 10, 1_000_000),
    signInRateLimitPerMinute: integer(
      'SIGN_IN_RATE_LIMIT_PER_MINUTE',
      env.SIGN_IN_RATE_LIMIT_PER_MINUTE,
      20,
      1,
      1_000_000,
    ),
  };
}

/** The user name in a connection string (the role the app connects as). */
export function roleOf(connectionString: string): string {
  const user = decodeURIComponent(new URL(connectionString).username);
  if (!user) throw new ConfigError('The database URL must name a user');
  return user;
}
