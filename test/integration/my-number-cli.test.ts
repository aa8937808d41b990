// Key rotation for My Number, as an operator runs it: a new ring from the command
// line, every number re-sealed under its new current key, and the numbers still
// revealed by an app that no longer holds the old key. And the server refuses to
// start on DATABASE_URL without a key ring (ARCHITECTURE rule 7, PRV-4).

import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, seedWorld, signIn, useTestApp, type Client, type World } from '../support/world.js';
import { registerWithConsent } from '../support/casework.js';
import { myNumberCheckDigit } from '../../src/server/core/my-number.js';
import { aadFor } from '../../src/server/crypto/secret-box.js';
import { generateKeyRing, parseKeyRing, serializeKeyRing, type KeyRing } from '../../src/server/crypto/seal.js';
import { asOwnerInTenant } from '../../src/server/tenancy/provision.js';
import { freePort } from '../../src/server/db/embedded.js';

const run = promisify(execFile);
const t = useTestApp();
const TOTP_SECRET = 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TF';
const numberFrom = (first11: string) => `${first11}${myNumberCheckDigit(first11)}`;

let dataDir: string;
let otherWorld: World;
/** Consultees with a stored number, by world, with the number. */
const stored: { world: World; consulteeId: string; myNumber: string }[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'jss-mynumber-cli-'));
  otherWorld = await seedWorld(t.tdb, t.ctx);
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function env(more: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: t.tdb.appUrl,
    DATABASE_OWNER_URL: t.tdb.ownerUrl,
    DATA_DIR: dataDir,
  };
  delete base.MY_NUMBER_KEYS;
  delete base.MY_NUMBER_KEY_FILE;
  return { ...base, ...more };
}

const cli = (environment: NodeJS.ProcessEnv, ...args: string[]) =>
  run('npx', ['tsx', 'src/server/cli.ts', ...args], { env: environment });

async function failure(promise: Promise<unknown>): Promise<{ code: number; stderr: string; stdout: string }> {
  return promise.then(
    () => {
      throw new Error('expected the command to fail');
    },
    (e: { code: number; stderr: string; stdout: string }) => e,
  );
}

/** worker1 of the world as a designated handler with an authenticator, signed in to `app`. */
async function handlerIn(app: FastifyInstance, world: World): Promise<Client> {
  const worker = world.staff.worker1;
  if (!worker) throw new Error('no worker1');
  await asOwnerInTenant(t.tdb.owner, world.tenantId, (tx) =>
    tx
      .updateTable('staff')
      .set({
        myNumberHandler: true,
        totpSecret: t.ctx.secrets.seal(TOTP_SECRET, aadFor('staff', 'totp_secret', world.tenantId, worker.staffId)),
        totpEnabledAt: new Date(),
      })
      .where('staffId', '=', worker.staffId)
      .execute(),
  );
  worker.totpSecret = TOTP_SECRET;
  return signIn(app, world, 'worker1', t.tdb);
}

async function freshCode(world: World): Promise<string> {
  await asOwnerInTenant(t.tdb.owner, world.tenantId, (tx) =>
    tx
      .updateTable('staff')
      .set({ totpLastStep: null })
      .where('staffId', '=', world.staff.worker1?.staffId as string)
      .execute(),
  );
  return generate({ secret: TOTP_SECRET });
}

async function rowsOf(world: World) {
  return asOwnerInTenant(t.tdb.owner, world.tenantId, (tx) =>
    tx.selectFrom('myNumbers').select(['consulteeId', 'keyId', 'ciphertext', 'resealedAt']).execute(),
  );
}

describe('[PRV-4] rotating the My Number key from the command line', () => {
  it('keygen adds a current key; rekey re-seals every number in every tenant and says how many; the numbers still reveal without the old key', async () => {
    // Three numbers in two tenants, sealed under the ring the app starts with.
    const first11 = ['31415979358', '27182818459', '16180339887'];
    for (const [i, world] of [t.w, t.w, otherWorld].entries()) {
      const worker = await handlerIn(t.app, world);
      const { consulteeId } = await registerWithConsent(worker);
      const myNumber = numberFrom(first11[i] as string);
      const res = await worker.request({
        method: 'PUT',
        url: `/api/consultees/${consulteeId}/my-number`,
        payload: { myNumber, basis: 'from_person', acquiredOn: '2026-04-01', totpCode: await freshCode(world) },
      });
      expect(res.statusCode, res.body).toBe(200);
      stored.push({ world, consulteeId, myNumber });
    }
    const oldRing = t.ctx.myNumberKeys;
    const oldRows = [...(await rowsOf(t.w)), ...(await rowsOf(otherWorld))];
    expect(oldRows.map((r) => r.keyId)).toEqual([oldRing.currentKeyId, oldRing.currentKeyId, oldRing.currentKeyId]);

    // The ring came from MY_NUMBER_KEYS: the new ring goes to a file, which then serves.
    const file = path.join(dataDir, 'rotated-keys.json');
    const keygen = await cli(env({ MY_NUMBER_KEYS: serializeKeyRing(oldRing) }), 'my-number-keygen', '--out', file);
    expect(keygen.stdout).toContain('Wrote a My Number key ring');
    expect(keygen.stdout).toContain('my-number-rekey');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const newRing = parseKeyRing(await readFile(file, 'utf8'));
    expect(newRing.currentKeyId).not.toBe(oldRing.currentKeyId);
    expect(newRing.keys.has(oldRing.currentKeyId)).toBe(true);
    // No key material on the screen.
    for (const key of newRing.keys.values()) expect(keygen.stdout).not.toContain(key.toString('base64'));

    const rekey = await cli(env({ MY_NUMBER_KEY_FILE: file }), 'my-number-rekey');
    expect(rekey.stdout).toMatch(new RegExp(`${t.w.code} \\(.*\\): re-sealed 2 of 2 My Number`));
    expect(rekey.stdout).toMatch(new RegExp(`${otherWorld.code} \\(.*\\): re-sealed 1 of 1 My Number`));
    expect(rekey.stdout).toMatch(/Re-sealed \d+ My Number\(s\) under the current key/);
    const newRows = [...(await rowsOf(t.w)), ...(await rowsOf(otherWorld))];
    for (const row of newRows) {
      expect(row.keyId).toBe(newRing.currentKeyId);
      expect(row.resealedAt).not.toBeNull();
      const before = oldRows.find((r) => r.consulteeId === row.consulteeId);
      expect(row.ciphertext.equals(before?.ciphertext as Buffer)).toBe(false);
    }
    const events = await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
      tx.selectFrom('auditEvents').select(['category', 'details']).where('action', '=', 'my_number.rekey').execute(),
    );
    expect(events).toEqual([{ category: 'admin', details: { resealed: 2, keyId: newRing.currentKeyId } }]);

    // An app holding only the new key reveals every number.
    const onlyNew: KeyRing = {
      currentKeyId: newRing.currentKeyId,
      keys: new Map([[newRing.currentKeyId, newRing.keys.get(newRing.currentKeyId) as Buffer]]),
    };
    const rotated = await buildTestApp({ ...t.ctx, myNumberKeys: onlyNew });
    try {
      for (const s of stored) {
        const worker = await signIn(rotated, s.world, 'worker1', t.tdb);
        const res = await worker.post(`/api/consultees/${s.consulteeId}/my-number/reveal`, {
          totpCode: await freshCode(s.world),
        });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toEqual({ myNumber: s.myNumber });
      }
    } finally {
      await rotated.close();
    }

    // Run again: nothing left to re-seal.
    const again = await cli(env({ MY_NUMBER_KEY_FILE: file }), 'my-number-rekey');
    expect(again.stdout).toContain(`Re-sealed 0 My Number(s) under the current key "${newRing.currentKeyId}".`);
  });

  it('rekey with a ring that lacks the key a number is sealed under stops, saying so, and changes nothing', async () => {
    const before = await rowsOf(t.w);
    expect(before.length).toBeGreaterThan(0);
    const stranger = generateKeyRing().json;
    const e = await failure(cli(env({ MY_NUMBER_KEYS: stranger }), 'my-number-rekey'));
    expect(e.code).toBe(2);
    expect(e.stderr).toMatch(/Cannot re-seal the My Number of consultee .*Unknown My Number key id/);
    expect(e.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(await rowsOf(t.w)).toEqual(before);
  });

  it('rekey without any ring, and keygen onto a file that is not the ring in use, are refused', async () => {
    const none = await failure(cli(env(), 'my-number-rekey'));
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('No My Number key ring');
    const other = path.join(dataDir, 'rotated-keys.json');
    const refused = await failure(cli(env(), 'my-number-keygen', '--out', other));
    expect(refused.stderr).toContain('already exists');
  });

  it('the server refuses to start on DATABASE_URL without a My Number key ring', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: {
        ...env(),
        APP_SECRET_KEY: randomBytes(32).toString('base64'),
        PORT: String(await freePort()),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(output).toContain('No My Number key ring: set MY_NUMBER_KEYS');
    expect(output).not.toMatch(/at .*\.ts:\d+/);
  });
});
