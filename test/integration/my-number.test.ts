// My Number (個人番号), sealed: stored only by designated handlers after a fresh
// second-factor code, held only as ciphertext, revealed once per code and each
// time recorded, never provided or printed, erased with a record that keeps no
// number (ACQ-4, PRV-4, RET-3, ARCHITECTURE rule 7).

import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import { sql } from 'kysely';
import { buildTestApp, signIn, useTestApp, type Client } from '../support/world.js';
import { caseAt, registerWithConsent } from '../support/casework.js';
import { myNumberCheckDigit, MY_NUMBER_MASK } from '../../src/server/core/my-number.js';
import { aadFor } from '../../src/server/crypto/secret-box.js';
import { asOwnerInTenant } from '../../src/server/tenancy/provision.js';
import { PRINTABLE_FORMS } from '../../src/server/modules/cases/print.js';
import { PROVISION_ITEM_KEYS } from '../../src/shared/provision-items.js';
import { STEP_UP_LOCK_THRESHOLD } from '../../src/server/modules/my-number/step-up.js';
import { tokyoDate } from '../../src/shared/wareki.js';
import type { Tx } from '../../src/server/db/database.js';

const run = promisify(execFile);
const t = useTestApp();
const TOTP_SECRET = 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TF';

/** A valid individual number: eleven digits and their check digit. */
function withCheckDigit(first11: string): string {
  return `${first11}${myNumberCheckDigit(first11)}`;
}
const NUMBER = withCheckDigit('31415979358');
const OTHER_NUMBER = withCheckDigit('27182818459');

const owner = <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => asOwnerInTenant(t.tdb.owner, t.w.tenantId, fn);

function staffId(key: string): string {
  return t.w.staff[key]?.staffId as string;
}

async function designate(key: string, on = true): Promise<void> {
  await owner((tx) =>
    tx.updateTable('staff').set({ myNumberHandler: on }).where('staffId', '=', staffId(key)).execute(),
  );
}

/** Sets up the staff member's authenticator (as the enrolment screen would), once. */
async function enrolTotp(key: string): Promise<void> {
  const handle = t.w.staff[key];
  if (!handle || handle.totpSecret) return;
  await owner((tx) =>
    tx
      .updateTable('staff')
      .set({
        totpSecret: t.ctx.secrets.seal(TOTP_SECRET, aadFor('staff', 'totp_secret', t.w.tenantId, handle.staffId)),
        totpEnabledAt: new Date(),
      })
      .where('staffId', '=', handle.staffId)
      .execute(),
  );
  handle.totpSecret = TOTP_SECRET;
}

/** The current code of the staff member's authenticator, its step not yet used (as 30 seconds later). */
async function freshCode(key: string): Promise<string> {
  await owner((tx) =>
    tx.updateTable('staff').set({ totpLastStep: null }).where('staffId', '=', staffId(key)).execute(),
  );
  return generate({ secret: TOTP_SECRET });
}

/** A code that is not the current one, nor one step either side. */
async function wrongCode(): Promise<string> {
  const near = new Set<string>();
  const now = Date.now();
  for (const offset of [-60_000, -30_000, 0, 30_000, 60_000]) {
    near.add(await generate({ secret: TOTP_SECRET, epoch: Math.floor((now + offset) / 1000) }));
  }
  for (let n = 0; ; n++) {
    const code = String((123456 + n * 7919) % 1_000_000).padStart(6, '0');
    if (!near.has(code)) return code;
  }
}

/** A designated handler with an authenticator, signed in. */
async function handler(key: string): Promise<Client> {
  await designate(key);
  await enrolTotp(key);
  return signIn(t.app, t.w, key, t.tdb);
}

const url = (consulteeId: string, rest = '') => `/api/consultees/${consulteeId}/my-number${rest}`;

async function store(client: Client, key: string, consulteeId: string, more: Record<string, unknown> = {}) {
  return client.request({
    method: 'PUT',
    url: url(consulteeId),
    payload: {
      myNumber: NUMBER,
      basis: 'from_person',
      acquiredOn: '2026-04-01',
      totpCode: await freshCode(key),
      ...more,
    },
  });
}

async function reveal(client: Client, code: string, consulteeId: string) {
  return client.post(url(consulteeId, '/reveal'), { totpCode: code });
}

async function erase(client: Client, consulteeId: string, payload: Record<string, unknown>) {
  return client.request({ method: 'DELETE', url: url(consulteeId), payload });
}

async function storedRows(consulteeId: string) {
  return owner((tx) => tx.selectFrom('myNumbers').selectAll().where('consulteeId', '=', consulteeId).execute());
}

async function myNumberEvents(consulteeId: string) {
  return owner((tx) =>
    tx
      .selectFrom('auditEvents')
      .select(['action', 'outcome', 'actorStaffId', 'subjectIds', 'dataClasses', 'purpose', 'details'])
      .where('action', 'like', 'my\\_number.%')
      .where(sql<boolean>`${consulteeId}::uuid = ANY (subject_ids)`)
      .orderBy('eventId')
      .execute(),
  );
}

/** Runs of `length` consecutive digits of the number, as they would appear in text. */
function runsOf(digits: string, length: number): string[] {
  const runs: string[] = [];
  for (let at = 0; at + length <= digits.length; at++) runs.push(digits.slice(at, at + length));
  return runs;
}

/** The number in the ways a person or a program might write it. */
function writings(digits: string): string[] {
  const groups = [digits.slice(0, 4), digits.slice(4, 8), digits.slice(8)];
  return [digits, groups.join(' '), groups.join('-'), groups.join('　')];
}

function expectNoNumber(text: string, digits: string, runLength: number, where: string): void {
  for (const w of writings(digits)) expect(text, `${where}: the number`).not.toContain(w);
  for (const run of runsOf(digits, runLength)) expect(text, `${where}: a run of its digits`).not.toContain(run);
}

describe('[ACQ-4] storing My Number', () => {
  it('[ACQ-4] needs a designated handler with the permission and a second factor, and a basis of the My Number Act', async () => {
    const { a } = t.w.consultees;
    // Not designated: refused, and the refusal recorded.
    const worker = await signIn(t.app, t.w, 'worker1');
    const undesignated = await worker.request({
      method: 'PUT',
      url: url(a),
      payload: { myNumber: NUMBER, basis: 'from_person', acquiredOn: '2026-04-01', totpCode: '123456' },
    });
    expect(undesignated.statusCode).toBe(403);
    expect(undesignated.json()).toMatchObject({ code: 'not_designated' });
    expect(undesignated.json().message).toContain('個人番号事務取扱担当者');
    expect(undesignated.headers['cache-control']).toBe('no-store');
    expect((await worker.get(url(a))).json()).toMatchObject({ mayHandle: false, cannotHandle: 'not_designated' });

    // Designated, but without a second factor: told to set it up.
    await designate('worker1');
    const noTotp = await worker.request({
      method: 'PUT',
      url: url(a),
      payload: { myNumber: NUMBER, basis: 'from_person', acquiredOn: '2026-04-01', totpCode: '123456' },
    });
    expect(noTotp.statusCode).toBe(403);
    expect(noTotp.json().message).toContain('二段階認証を設定');
    expect((await worker.get(url(a))).json()).toMatchObject({ mayHandle: false, cannotHandle: 'no_totp' });

    // Roles without the permission are refused by the route itself.
    const ppm = await signIn(t.app, t.w, 'ppm', t.tdb);
    const unpermitted = await ppm.post(url(a, '/reveal'), { totpCode: '123456' });
    expect(unpermitted.statusCode).toBe(403);
    expect(unpermitted.headers['cache-control']).toBe('no-store');

    const events = await myNumberEvents(a);
    expect(events.map((e) => [e.action, e.outcome, (e.details as { reason?: string }).reason])).toEqual([
      ['my_number.store', 'denied', 'not_designated'],
      ['my_number.store', 'denied', 'no_totp'],
    ]);
    expect(await storedRows(a)).toEqual([]);
  });

  it('[ACQ-4] refuses a number whose check digit is wrong, a missing or unknown basis, other_law without its note, a future date; nothing changes', async () => {
    const { a } = t.w.consultees;
    const worker = await handler('worker1');
    const wrongDigit = `${NUMBER.slice(0, 11)}${(Number(NUMBER[11]) + 1) % 10}`;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ myNumber: wrongDigit }, 'myNumber', /「個人番号」の12桁目（検査用数字）/],
      [{ myNumber: NUMBER.slice(0, 11) }, 'myNumber', /「個人番号」は12桁の数字/],
      [{ myNumber: 'abcdefghijkl' }, 'myNumber', /「個人番号」は12桁の数字/],
      [{ myNumber: '' }, 'myNumber', /「個人番号」を入力してください/],
      [{ basis: undefined }, 'basis', /「取得の根拠」を入力してください/],
      [{ basis: 'because' }, 'basis', /「取得の根拠」の値が選択肢にありません/],
      [{ basis: 'other_law' }, 'basisNote', /「根拠の補足」に法令の名称と条項/],
      [{ basis: 'other_law', basisNote: '  ' }, 'basisNote', /「根拠の補足」に法令の名称と条項/],
      [
        { basisNote: `番号 ${NUMBER.slice(0, 4)}-${NUMBER.slice(4, 8)}-${NUMBER.slice(8)}` },
        'basisNote',
        /個人番号と思われる/,
      ],
      [{ acquiredOn: '2099-01-01' }, 'acquiredOn', /「取得日」に未来の日付/],
      [{ acquiredOn: '2026-02-30' }, 'acquiredOn', /「取得日」は正しい日付/],
      [{ totpCode: undefined }, 'totpCode', /「確認コード」を入力してください/],
    ];
    for (const [change, field, message] of cases) {
      const res = await store(worker, 'worker1', a, change);
      expect(res.statusCode, `${JSON.stringify(change)}: ${res.body}`).toBe(400);
      expect(res.json().field, JSON.stringify(change)).toBe(field);
      expect(res.json().message, JSON.stringify(change)).toMatch(message);
      expectNoNumber(res.body, NUMBER, 8, JSON.stringify(change));
    }
    expect(await storedRows(a)).toEqual([]);
    expect((await myNumberEvents(a)).filter((e) => e.outcome === 'success')).toEqual([]);
  });

  it('[ACQ-4] a designated handler stores it with its basis (full-width digits and hyphens accepted), and may replace it', async () => {
    const { a } = t.w.consultees;
    const worker = await handler('worker1');
    const typed = `${NUMBER.slice(0, 4)}－${NUMBER.slice(4, 8)} ${NUMBER.slice(8)}`.replace(/[0-9]/g, (d) =>
      String.fromCharCode(d.charCodeAt(0) + 0xfee0),
    );
    const res = await store(worker, 'worker1', a, {
      myNumber: typed,
      basis: 'other_law',
      basisNote: '生活困窮者自立支援法に基づく事務（架空の補足）',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ replaced: false });
    expect(res.headers['cache-control']).toBe('no-store');

    const status = await worker.get(url(a));
    expect(status.statusCode).toBe(200);
    expect(status.headers['cache-control']).toBe('no-store');
    expect(status.json()).toMatchObject({
      held: true,
      masked: MY_NUMBER_MASK,
      basis: 'other_law',
      basisLabel: expect.stringContaining('その他法令'),
      basisNote: '生活困窮者自立支援法に基づく事務（架空の補足）',
      acquiredOn: '2026-04-01',
      recordedByName: 'テスト worker1',
      mayHandle: true,
      cannotHandle: null,
    });
    expectNoNumber(status.body, NUMBER, 8, 'status');

    // Someone who may read the consultee but not handle the number learns only that one is held.
    const chief = await signIn(t.app, t.w, 'chief');
    expect((await chief.get(url(a))).json()).toMatchObject({
      held: true,
      masked: MY_NUMBER_MASK,
      basis: null,
      acquiredOn: null,
      mayHandle: false,
      cannotHandle: 'not_designated',
    });

    const replaced = await store(worker, 'worker1', a, { myNumber: OTHER_NUMBER });
    expect(replaced.json()).toEqual({ replaced: true });
    expect((await reveal(worker, await freshCode('worker1'), a)).json()).toEqual({ myNumber: OTHER_NUMBER });
    const rows = await storedRows(a);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      basis: 'from_person',
      recordedBy: staffId('worker1'),
      keyId: t.ctx.myNumberKeys.currentKeyId,
    });

    const events = await myNumberEvents(a);
    const stores = events.filter((e) => e.action === 'my_number.store' && e.outcome === 'success');
    expect(stores.map((e) => (e.details as { replaced: boolean }).replaced)).toEqual([false, true]);
    expect(stores[0]).toMatchObject({
      actorStaffId: staffId('worker1'),
      subjectIds: [a],
      dataClasses: ['my_number'],
      purpose: 'municipal_application',
    });
    await store(worker, 'worker1', a);
  });

  it('[ACQ-4] the system administrator designates handlers; the change is recorded; only roles that may handle My Number can be designated', async () => {
    const admin = await signIn(t.app, t.w, 'councilAdmin', t.tdb);
    const target = staffId('budget');
    const on = await admin.request({
      method: 'PATCH',
      url: `/api/admin/staff/${target}`,
      payload: { myNumberHandler: true },
    });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json().myNumberHandler).toBe(true);
    const list = (await admin.get('/api/admin/staff')).json().items as { staffId: string; myNumberHandler: boolean }[];
    expect(list.find((s) => s.staffId === target)?.myNumberHandler).toBe(true);

    const wrong = await admin.request({
      method: 'PATCH',
      url: `/api/admin/staff/${staffId('complaints')}`,
      payload: { myNumberHandler: true },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ field: 'myNumberHandler' });
    expect(wrong.json().message).toContain('個人番号事務取扱担当者に指定できるのは');
    // Taking away the roles that may handle it while designated is refused in the same way.
    const roles = await admin.request({
      method: 'PATCH',
      url: `/api/admin/staff/${target}`,
      payload: { roles: ['complaint_lead'] },
    });
    expect(roles.statusCode).toBe(400);

    const off = await admin.request({
      method: 'PATCH',
      url: `/api/admin/staff/${target}`,
      payload: { myNumberHandler: false },
    });
    expect(off.json().myNumberHandler).toBe(false);

    const created = await admin.post('/api/admin/staff', {
      login: `mn${randomUUID().slice(0, 6)}`,
      displayName: '見本 指定',
      organizationId: t.w.council,
      officeId: t.w.councilOffice,
      employmentKind: 'employee',
      roles: ['clerk'],
      myNumberHandler: true,
    });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json().staff.myNumberHandler).toBe(true);

    const events = await owner((tx) =>
      tx
        .selectFrom('auditEvents')
        .select(['action', 'recordIds', 'details'])
        .where('action', 'in', ['staff.update', 'staff.create'])
        .where('actorStaffId', '=', staffId('councilAdmin'))
        .orderBy('eventId')
        .execute(),
    );
    expect(events.map((e) => [e.action, (e.details as { myNumberHandler?: boolean }).myNumberHandler])).toEqual([
      ['staff.update', true],
      ['staff.update', false],
      ['staff.create', true],
    ]);
  });

  it('[ACQ-4] the raw row holds no digits of the number, nor do the audit trail, the record history, the answers or the log', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    // The same app and database, with every log line kept.
    const logged = await buildTestApp(t.ctx, { logger: { level: 'trace', stream: sink } });
    try {
      await designate('worker1');
      await enrolTotp('worker1');
      const worker = await signIn(logged, t.w, 'worker1', t.tdb);
      const { consulteeId } = await registerWithConsent(worker);
      const stored = await store(worker, 'worker1', consulteeId, { myNumber: NUMBER });
      expect(stored.statusCode, stored.body).toBe(200);
      const bad = await store(worker, 'worker1', consulteeId, { myNumber: `${NUMBER}9` });
      expect(bad.statusCode).toBe(400);
      const shown = await reveal(worker, await freshCode('worker1'), consulteeId);
      expect(shown.json().myNumber).toBe(NUMBER);
      expect((await reveal(worker, await wrongCode(), consulteeId)).statusCode).toBe(403);
      for (const res of [
        stored,
        bad,
        await worker.get(url(consulteeId)),
        await worker.get(`/api/consultees/${consulteeId}`),
      ]) {
        expectNoNumber(res.body, NUMBER, 8, res.raw.req.url ?? '');
      }

      const [row] = await storedRows(consulteeId);
      if (!row) throw new Error('no row');
      expect(row.ciphertext).toHaveLength(12);
      expect(row.iv).toHaveLength(12);
      expect(row.tag).toHaveLength(16);
      for (const [column, value] of Object.entries(row)) {
        if (Buffer.isBuffer(value)) {
          // The sealed bytes read as text hold not even four of its digits in a row,
          // and written as hex or base64 not the number.
          expectNoNumber(value.toString('latin1'), NUMBER, 4, column);
          expectNoNumber(value.toString('utf8'), NUMBER, 4, column);
          expectNoNumber(value.toString('hex'), NUMBER, 8, column);
          expectNoNumber(value.toString('base64'), NUMBER, 8, column);
        } else {
          expectNoNumber(JSON.stringify(value), NUMBER, 6, column);
        }
      }
      const raw = await owner(async (tx) => {
        const { rows } = await sql<{ text: string }>`
          SELECT m::text AS text FROM my_numbers m WHERE consultee_id = ${consulteeId}::uuid`.execute(tx);
        return rows[0]?.text ?? '';
      });
      expectNoNumber(raw, NUMBER, 8, 'the row as PostgreSQL prints it');

      const trail = await owner(async (tx) => {
        const { rows } = await sql<{ text: string }>`SELECT e::text AS text FROM audit_events e`.execute(tx);
        return rows.map((r) => r.text);
      });
      expect(trail.length).toBeGreaterThan(10);
      for (const text of trail) expectNoNumber(text, NUMBER, 8, 'audit event');
      const history = await owner(async (tx) => {
        const { rows } = await sql<{ text: string; table: string }>`
          SELECT h::text AS text, h.record_table AS table FROM record_history h`.execute(tx);
        return rows;
      });
      expect(history.map((h) => h.table)).not.toContain('my_numbers');
      for (const h of history) expectNoNumber(h.text, NUMBER, 8, `record history of ${h.table}`);

      expect(lines.length).toBeGreaterThan(5);
      expectNoNumber(lines.join('\n'), NUMBER, 8, 'the log');
    } finally {
      await logged.close();
    }
  });
});

describe('[PRV-4] revealing My Number', () => {
  it('[PRV-4] needs the code again: a wrong code is refused and recorded, a used code is refused, each reveal is recorded on its own', async () => {
    const { b } = t.w.consultees;
    const worker = await handler('worker1');
    expect((await store(worker, 'worker1', b)).statusCode).toBe(200);
    const before = (await myNumberEvents(b)).length;

    const missing = await worker.post(url(b, '/reveal'), {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toContain('「確認コード」');

    const lastStep = async () =>
      owner((tx) =>
        tx
          .selectFrom('staff')
          .select('totpLastStep')
          .where('staffId', '=', staffId('worker1'))
          .executeTakeFirstOrThrow(),
      );
    await freshCode('worker1');
    const wrong = await reveal(worker, await wrongCode(), b);
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({ code: 'invalid_code', field: 'totpCode' });
    expect(wrong.json().message).toContain('確認コードが正しくありません');
    expect(wrong.headers['cache-control']).toBe('no-store');
    expectNoNumber(wrong.body, NUMBER, 8, 'wrong code');
    expect((await lastStep()).totpLastStep).toBeNull();

    const code = await freshCode('worker1');
    const first = await reveal(worker, code, b);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ myNumber: NUMBER });
    expect(first.headers['cache-control']).toBe('no-store');
    expect((await lastStep()).totpLastStep).not.toBeNull();

    const replayed = await reveal(worker, code, b);
    expect(replayed.statusCode).toBe(403);
    expect(replayed.json()).toMatchObject({ code: 'replayed_code' });
    expect(replayed.json().message).toContain('既に使われています');

    const second = await reveal(worker, await freshCode('worker1'), b);
    expect(second.json()).toEqual({ myNumber: NUMBER });

    const events = (await myNumberEvents(b)).slice(before);
    expect(events.map((e) => [e.action, e.outcome, (e.details as { reason?: string }).reason ?? null])).toEqual([
      ['my_number.reveal', 'denied', 'invalid_code'],
      ['my_number.reveal', 'success', null],
      ['my_number.reveal', 'denied', 'replayed_code'],
      ['my_number.reveal', 'success', null],
    ]);
    for (const e of events) {
      expect(e).toMatchObject({ actorStaffId: staffId('worker1'), subjectIds: [b], purpose: 'municipal_application' });
      expectNoNumber(JSON.stringify(e), NUMBER, 8, 'event');
    }
    expect(events.filter((e) => e.outcome === 'success').every((e) => e.dataClasses.includes('my_number'))).toBe(true);
  });

  it(`[PRV-4] after ${STEP_UP_LOCK_THRESHOLD} wrong codes the step-up is refused for a while, even with the right code`, async () => {
    const { a } = t.w.consultees;
    const chief = await handler('chief');
    for (let i = 0; i < STEP_UP_LOCK_THRESHOLD; i++) {
      const res = await reveal(chief, await wrongCode(), a);
      expect(res.json().code).toBe('invalid_code');
    }
    const locked = await reveal(chief, await freshCode('chief'), a);
    expect(locked.statusCode).toBe(403);
    expect(locked.json()).toMatchObject({ code: 'step_up_locked' });
    expect(locked.json().message).toMatch(/15分間/);
    // Someone else is not locked.
    const worker = await handler('worker1');
    expect((await reveal(worker, await freshCode('worker1'), a)).statusCode).toBe(200);
  });

  it('[PRV-4][SEC-4] staff of another office, another organization or the municipality get 404, designated or not; roles without the permission 403', async () => {
    const { a } = t.w.consultees;
    for (const key of ['workerOther', 'cityWorker', 'worker2']) {
      const other = await handler(key);
      const answers = [
        await other.get(url(a)),
        await store(other, key, a, { myNumber: OTHER_NUMBER }),
        await reveal(other, await freshCode(key), a),
        await erase(other, a, { reason: '確認のため', totpCode: await freshCode(key) }),
      ];
      for (const res of answers) {
        expect(res.statusCode, `${key}: ${res.body}`).toBe(404);
        expect(res.body).not.toContain(a);
        expectNoNumber(res.body, OTHER_NUMBER, 8, key);
      }
    }
    for (const key of ['supervisor', 'complaints']) {
      const reader = await signIn(t.app, t.w, key, t.tdb);
      expect((await reader.get(url(a))).statusCode, key).toBe(404);
      expect((await reader.post(url(a, '/reveal'), { totpCode: '123456' })).statusCode, key).toBe(403);
    }
    const admin = await signIn(t.app, t.w, 'admin', t.tdb);
    expect((await admin.get(url(a))).statusCode).toBe(403);
    const worker = await handler('worker1');
    expect((await reveal(worker, await freshCode('worker1'), a)).json().myNumber).toBe(NUMBER);
  });

  it('[PRV-4] is never provided, with or without consent, and never printed', async () => {
    const worker = await handler('worker1');
    const { consulteeId, caseId } = await caseAt(worker, 'closed');
    expect((await store(worker, 'worker1', consulteeId)).statusCode).toBe(200);
    const agencyId = randomUUID();
    await owner((tx) =>
      tx
        .insertInto('relatedAgencies')
        .values({
          tenantId: t.w.tenantId,
          agencyId,
          name: '見本市 税務課',
          kind: 'administrative',
          administrative: true,
        })
        .execute(),
    );
    const asked = {
      recipientAgencyId: agencyId,
      purpose: 'support_coordination',
      mode: 'third_party',
      items: ['name', 'my_number'],
    };
    for (const more of [{}, { ground: 'law', groundReason: '法令に基づく照会（架空）' }]) {
      const res = await worker.post(`/api/consultees/${consulteeId}/provisions`, { ...asked, ...more });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().message).toContain('個人番号');
    }
    // Everything else that can be provided, provided: the number is not among what was sent.
    const all = await worker.post(`/api/consultees/${consulteeId}/provisions`, {
      ...asked,
      items: PROVISION_ITEM_KEYS.filter((k) => k !== 'my_number' && k !== 'health'),
    });
    expect(all.statusCode, all.body).toBe(200);
    const sent = await owner((tx) =>
      tx.selectFrom('provisions').select(['items', 'sentValues']).where('consulteeId', '=', consulteeId).execute(),
    );
    expect(sent.some((p) => p.items.includes('my_number'))).toBe(false);
    for (const p of sent) expectNoNumber(JSON.stringify(p), NUMBER, 8, 'provision');

    const dir = path.resolve('test-results', 'pdf');
    await mkdir(dir, { recursive: true });
    const prints = [
      `/api/consultees/${consulteeId}/print/consent-form`,
      ...PRINTABLE_FORMS.map((form) => `/api/cases/${caseId}/print/${form}`),
    ];
    let printed = 0;
    for (const print of prints) {
      const res = await worker.get(print);
      if (res.statusCode !== 200) continue; // a form this case has no record of
      printed++;
      expect(res.headers['content-type']).toBe('application/pdf');
      const file = path.join(dir, `my-number-${printed}.pdf`);
      await writeFile(file, res.rawPayload);
      const { stdout } = await run('pdftotext', ['-layout', file, '-']);
      expect(stdout.length, print).toBeGreaterThan(50);
      expectNoNumber(stdout, NUMBER, 8, print);
      expectNoNumber(stdout.replace(/\s+/g, ''), NUMBER, 8, print);
    }
    expect(printed).toBeGreaterThanOrEqual(8);
  });
});

describe('[RET-3] erasing My Number', () => {
  it('[RET-3] erasure removes the ciphertext and keeps a record of the erasure without the number; a wrong code erases nothing', async () => {
    const worker = await handler('worker1');
    const { consulteeId } = await caseAt(worker, 'closed');
    expect((await store(worker, 'worker1', consulteeId)).statusCode).toBe(200);
    const status = (await worker.get(url(consulteeId))).json();
    expect(status).toMatchObject({ held: true, supportEnded: true, erasures: [] });

    const wrong = await erase(worker, consulteeId, { reason: '支援が終了したため', totpCode: await wrongCode() });
    expect(wrong.statusCode).toBe(403);
    const withNumber = await erase(worker, consulteeId, {
      reason: `番号${NUMBER}を削除`,
      totpCode: await freshCode('worker1'),
    });
    expect(withNumber.statusCode).toBe(400);
    expect(withNumber.json()).toMatchObject({ field: 'reason' });
    expectNoNumber(withNumber.body, NUMBER, 8, 'refusal');
    const noReason = await erase(worker, consulteeId, { reason: ' ', totpCode: await freshCode('worker1') });
    expect(noReason.json().message).toContain('「削除の理由」');
    expect(await storedRows(consulteeId)).toHaveLength(1);

    const erased = await erase(worker, consulteeId, {
      reason: '支援が終了し、利用目的を達したため',
      totpCode: await freshCode('worker1'),
    });
    expect(erased.statusCode, erased.body).toBe(200);
    const { erasureId } = erased.json();
    expect(await storedRows(consulteeId)).toEqual([]);
    const erasures = await owner((tx) =>
      tx.selectFrom('myNumberErasures').selectAll().where('consulteeId', '=', consulteeId).execute(),
    );
    expect(erasures).toEqual([
      expect.objectContaining({
        erasureId,
        reason: '支援が終了し、利用目的を達したため',
        erasedBy: staffId('worker1'),
      }),
    ]);
    expectNoNumber(JSON.stringify(erasures), NUMBER, 6, 'erasure record');

    const after = (await worker.get(url(consulteeId))).json();
    expect(after).toMatchObject({
      held: false,
      masked: null,
      erasures: [{ erasureId, reason: '支援が終了し、利用目的を達したため', erasedByName: 'テスト worker1' }],
    });
    const gone = await reveal(worker, await freshCode('worker1'), consulteeId);
    expect(gone.statusCode).toBe(409);
    expect(gone.json().message).toContain('記録されていません');
    const again = await erase(worker, consulteeId, { reason: '再度', totpCode: await freshCode('worker1') });
    expect(again.statusCode).toBe(409);

    const events = await myNumberEvents(consulteeId);
    expect(events.filter((e) => e.action === 'my_number.erase').map((e) => e.outcome)).toEqual(['denied', 'success']);
    expect(events.find((e) => e.action === 'my_number.erase' && e.outcome === 'success')?.details).toEqual({
      erasureId,
    });
  });

  it('[RET-3] a consultee with a case still open is not flagged for erasure', async () => {
    const worker = await handler('worker1');
    const { consulteeId } = await caseAt(worker, 'in_support');
    expect((await worker.get(url(consulteeId))).json().supportEnded).toBe(false);
    const today = tokyoDate(new Date());
    expect((await store(worker, 'worker1', consulteeId, { acquiredOn: today })).statusCode).toBe(200);
  });
});
