// Where the My Number key ring comes from (ARCHITECTURE rule 7): never the database.
//
//   MY_NUMBER_KEYS       the ring itself, as JSON (from a secret store)
//   MY_NUMBER_KEY_FILE   a file holding the ring
//   neither              DATA_DIR/my-number-keys.json; with the embedded PostgreSQL it
//                        is created on first start (mode 0600), beside the database
//                        cluster but not in it. With DATABASE_URL it must already
//                        exist: a server that could not open the numbers it holds, or
//                        that sealed new ones under a key nobody keeps, must not start.
//
// Writing a ring (my-number-keygen) goes to a temporary file then is renamed into
// place, so a crash never leaves half a ring where the whole one was.

import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../config.js';
import { generateKeyRing, parseKeyRing, type KeyRing } from './seal.js';

export const MY_NUMBER_KEY_FILE_NAME = 'my-number-keys.json';

type Env = Readonly<Record<string, string | undefined>>;

/** Where the ring is read from: the variable itself, a named file, or the data directory's file. */
export type KeySource = { kind: 'env' } | { kind: 'file'; file: string; named: boolean };

export function myNumberKeySource(env: Env, dataDir: string): KeySource {
  const json = env.MY_NUMBER_KEYS?.trim();
  const file = env.MY_NUMBER_KEY_FILE?.trim();
  if (json && file) throw new ConfigError('Set either MY_NUMBER_KEYS or MY_NUMBER_KEY_FILE, not both');
  if (json) return { kind: 'env' };
  if (file) return { kind: 'file', file: path.resolve(file), named: true };
  return { kind: 'file', file: path.join(dataDir, MY_NUMBER_KEY_FILE_NAME), named: false };
}

function describe(source: KeySource): string {
  if (source.kind === 'env') return 'MY_NUMBER_KEYS';
  return source.named ? `MY_NUMBER_KEY_FILE (${source.file})` : source.file;
}

/**
 * The ring the app seals and opens My Number with; null only when there is none
 * yet and `create` is off (the command line asking before it writes one).
 */
async function readRing(env: Env, source: KeySource): Promise<KeyRing | null> {
  try {
    if (source.kind === 'env') return parseKeyRing((env.MY_NUMBER_KEYS ?? '').trim());
    if (!existsSync(source.file)) return null;
    return parseKeyRing(await readFile(source.file, 'utf8'));
  } catch (error) {
    // parseKeyRing's messages name key ids at most, never key material.
    throw new ConfigError(`The My Number key ring in ${describe(source)} cannot be used: ${(error as Error).message}`);
  }
}

/** Writes a ring readable by its owner only, replacing the file at once. */
export async function writeKeyRingFile(file: string, json: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, `${json}\n`, { mode: 0o600, flag: 'wx' });
    await chmod(temporary, 0o600);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export async function loadMyNumberKeys(options: { env: Env; dataDir: string; create: boolean }): Promise<KeyRing> {
  const source = myNumberKeySource(options.env, options.dataDir);
  const ring = await readRing(options.env, source);
  if (ring) return ring;
  if (source.kind === 'file' && source.named) {
    throw new ConfigError(`MY_NUMBER_KEY_FILE names ${source.file}, which does not exist`);
  }
  if (!options.create || source.kind !== 'file') {
    throw new ConfigError(
      'No My Number key ring: set MY_NUMBER_KEYS (the ring as JSON) or MY_NUMBER_KEY_FILE (a file holding it). ' +
        `Create a ring with: npm run cli -- my-number-keygen --out <file>. Without either, ${describe(source)} is used when it exists.`,
    );
  }
  const created = generateKeyRing();
  await writeKeyRingFile(source.file, created.json);
  return created.ring;
}

export interface KeygenResult {
  file: string;
  currentKeyId: string;
  keyCount: number;
}

/**
 * A new ring with a fresh current key, keeping every key of the ring now in use so
 * that what is sealed under them still opens until re-sealed. It replaces the file
 * the ring is read from, or goes to `out`, which must not hold anything else.
 */
export async function writeNewKeyRing(options: { env: Env; dataDir: string; out?: string }): Promise<KeygenResult> {
  const source = myNumberKeySource(options.env, options.dataDir);
  const existing = await readRing(options.env, source);
  const target = options.out ? path.resolve(options.out) : source.kind === 'file' ? source.file : null;
  if (!target) {
    throw new ConfigError(
      'The key ring is given by MY_NUMBER_KEYS, which this command cannot change: give --out <file>, then put its content into MY_NUMBER_KEYS (or point MY_NUMBER_KEY_FILE at it)',
    );
  }
  const replacesSource = source.kind === 'file' && source.file === target;
  if (existsSync(target) && !replacesSource) {
    throw new ConfigError(
      `${target} already exists and is not the key ring in use; choose another file, so that no key is lost`,
    );
  }
  const { ring, json } = generateKeyRing(existing);
  await writeKeyRingFile(target, json);
  return { file: target, currentKeyId: ring.currentKeyId, keyCount: ring.keys.size };
}
