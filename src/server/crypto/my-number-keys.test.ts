import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../config.js';
import { loadMyNumberKeys, MY_NUMBER_KEY_FILE_NAME, myNumberKeySource, writeNewKeyRing } from './my-number-keys.js';
import { generateKeyRing, parseKeyRing, serializeKeyRing } from './seal.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'jss-keys-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function modeOf(file: string): Promise<number> {
  return (await stat(file)).mode & 0o777;
}

/** The message of the error `promise` rejects with; fails the test when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected an error');
    },
    (error: Error) => error,
  );
}

describe('[PRV-4] the My Number key ring at start-up (rule 7: the key is not in the database)', () => {
  it('with the embedded database and no ring configured, one is created in the data directory, readable by its owner only, and reused', async () => {
    const first = await loadMyNumberKeys({ env: {}, dataDir: dir, create: true });
    const file = path.join(dir, MY_NUMBER_KEY_FILE_NAME);
    expect(await modeOf(file)).toBe(0o600);
    expect(parseKeyRing(await readFile(file, 'utf8')).currentKeyId).toBe(first.currentKeyId);
    const again = await loadMyNumberKeys({ env: {}, dataDir: dir, create: true });
    expect(again.currentKeyId).toBe(first.currentKeyId);
    expect(again.keys.get(again.currentKeyId)?.equals(first.keys.get(first.currentKeyId) as Buffer)).toBe(true);
  });

  it('with DATABASE_URL and no ring anywhere, start-up is refused with what to set', async () => {
    const error = await rejection(loadMyNumberKeys({ env: {}, dataDir: dir, create: false }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/No My Number key ring: set MY_NUMBER_KEYS .* or MY_NUMBER_KEY_FILE/);
    expect(error.message).toContain('my-number-keygen');
  });

  it('a file named by MY_NUMBER_KEY_FILE is never created: a missing one is an error', async () => {
    const named = path.join(dir, 'elsewhere.json');
    const error = await rejection(loadMyNumberKeys({ env: { MY_NUMBER_KEY_FILE: named }, dataDir: dir, create: true }));
    expect(error.message).toContain('does not exist');
  });

  it('MY_NUMBER_KEYS holds the ring itself; a bad one is refused without showing any key', async () => {
    const { ring, json } = generateKeyRing();
    const loaded = await loadMyNumberKeys({ env: { MY_NUMBER_KEYS: json }, dataDir: dir, create: true });
    expect(loaded.currentKeyId).toBe(ring.currentKeyId);
    const key = (ring.keys.get(ring.currentKeyId) as Buffer).toString('base64');
    const bad = JSON.stringify({ current: 'missing', keys: { [ring.currentKeyId]: key } });
    const error = await rejection(loadMyNumberKeys({ env: { MY_NUMBER_KEYS: bad }, dataDir: dir, create: true }));
    expect(error.message).toContain('MY_NUMBER_KEYS');
    expect(error.message).not.toContain(key);
  });

  it('setting both variables is an error rather than a silent choice', () => {
    expect(() =>
      myNumberKeySource({ MY_NUMBER_KEYS: '{}', MY_NUMBER_KEY_FILE: path.join(dir, 'k.json') }, dir),
    ).toThrow(/not both/);
  });
});

describe('[PRV-4] a new key ring (npm run cli -- my-number-keygen)', () => {
  it('replaces the ring in use with one whose new current key sits beside every old key', async () => {
    const file = path.join(dir, 'ring.json');
    const before = generateKeyRing();
    await writeFile(file, serializeKeyRing(before.ring), { mode: 0o600 });
    const written = await writeNewKeyRing({ env: { MY_NUMBER_KEY_FILE: file }, dataDir: dir });
    expect(written.file).toBe(file);
    expect(written.keyCount).toBe(2);
    const after = parseKeyRing(await readFile(file, 'utf8'));
    expect(after.currentKeyId).toBe(written.currentKeyId);
    expect(after.currentKeyId).not.toBe(before.ring.currentKeyId);
    expect(
      after.keys.get(before.ring.currentKeyId)?.equals(before.ring.keys.get(before.ring.currentKeyId) as Buffer),
    ).toBe(true);
    expect(await modeOf(file)).toBe(0o600);
  });

  it('writes a first ring to --out, and never overwrites a file that is not the ring in use', async () => {
    const out = path.join(dir, 'new', 'ring.json');
    const first = await writeNewKeyRing({ env: {}, dataDir: dir, out });
    expect(first.keyCount).toBe(1);
    expect(await modeOf(out)).toBe(0o600);
    const error = await rejection(writeNewKeyRing({ env: {}, dataDir: dir, out }));
    expect(error.message).toContain('already exists');
    expect(parseKeyRing(await readFile(out, 'utf8')).currentKeyId).toBe(first.currentKeyId);
  });

  it('a ring given by MY_NUMBER_KEYS needs --out, and the new ring keeps its keys', async () => {
    const { json, ring } = generateKeyRing();
    const error = await rejection(writeNewKeyRing({ env: { MY_NUMBER_KEYS: json }, dataDir: dir }));
    expect(error.message).toContain('--out');
    const out = path.join(dir, 'from-env.json');
    await writeNewKeyRing({ env: { MY_NUMBER_KEYS: json }, dataDir: dir, out });
    expect(parseKeyRing(await readFile(out, 'utf8')).keys.has(ring.currentKeyId)).toBe(true);
  });
});
