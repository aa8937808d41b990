// Starts the server: the embedded PostgreSQL in DATA_DIR (or DATABASE_URL), the
// web app and the API on PORT. SIGINT/SIGTERM close the web server first (letting
// requests finish), then the database pools, then PostgreSQL.

import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { loadMyNumberKeys } from './crypto/my-number-keys.js';
import { SecretBox } from './crypto/secret-box.js';
import { DataDirInUseError } from './db/embedded.js';
import { openDatabase } from './db/runtime.js';
import { webRoot } from './paths.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  let closing = false;
  try {
    const secrets = await SecretBox.load({
      key: config.secretKey,
      file: config.secretKeyFile,
      create: database.mode === 'embedded',
    });
    const myNumberKeys = await loadMyNumberKeys({
      env: process.env,
      dataDir: config.dataDir,
      create: database.mode === 'embedded',
    });
    const app = await buildApp(
      {
        db: database.db,
        secrets,
        myNumberKeys,
        config,
        rateLimitPerMinute: config.rateLimitPerMinute,
        signInRateLimitPerMinute: config.signInRateLimitPerMinute,
      },
      { logger: { level: config.logLevel }, trustProxy: config.trustProxy, webRoot: webRoot() },
    );
    const shutdown = async (signal: string) => {
      if (closing) {
        process.stderr.write(`${signal} again: exiting now\n`);
        process.exit(1);
      }
      closing = true;
      app.log.info({ signal }, 'shutting down');
      await app.close();
      await database.close();
      process.exit(0);
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    await app.listen({ port: config.port, host: config.host });
    app.log.info(
      `jiritsu-case is running at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (${database.mode} PostgreSQL${database.mode === 'embedded' ? ` in ${config.dataDir}` : ''})`,
    );
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirInUseError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
