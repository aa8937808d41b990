import { describe, expect, it } from 'vitest';

import { generate } from 'otplib';

import { clientFor, PASSWORD, sessionCookie, signIn, useTestApp, buildTestApp } from '../support/world.js';

import { asOwnerInTenant, createStaffRow } from '../../src/server/tenancy/provision.js';
import { SIGN_IN_FAILED, SIGN_IN_LOCKED } from '../../src/server/modules/auth/service.js';

const t = useTestApp();

const login = (tenantCode: string, loginName: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { tenantCode, login: loginName, password } });

async function authEvents(action?: string) {
  return asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) => {
    let q = tx.selectFrom('auditEvents').selectAll().where('category', '=', 'auth').orderBy('eventId', 'desc');
    if (action) q = q.where('action', '=', action);
    return q.execute();
  });
}

async function newStaff(loginName: string, extra: Partial<Parameters<typeof createStaffRow>[2]> = {}) {
  return asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
    createStaffRow(tx, t.w.tenantId, {
      login: loginName,
      displayName: `新しい職員 ${loginName}`,
      organizationId: t.w.council,
      officeId: t.w.councilOffice,
      roles: ['support_worker'],
      password: PASSWORD,
      mustChangePassword: false,
      ...extra,
    }),
  );
}

async function setSession(cookie: string, changes: { lastSeenAt?: Date; createdAt?: Date }) {
  const token = cookie.split('.')[1] as string;
  const { createHash } = await import('node:crypto');
  await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
    tx
      .updateTable('sessions')
      .set(changes)
      .where('tokenHash', '=', createHash('sha256').update(token).digest())
      .execute(),
  );
}

describe('[SEC-4] sign-in', () => {
  it('signs in with the right password, sets an HttpOnly SameSite=Strict cookie and records the event', async () => {
    const res = await login(t.w.code, 'worker1', PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ stage: 'active', csrfToken: expect.any(String) });
    const cookie = res.cookies.find((c) => c.name === 'jss_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect((await authEvents('sign_in.success'))[0]).toMatchObject({
      actorStaffId: t.w.staff.worker1?.staffId,
      outcome: 'success',
    });
  });

  it('login names are not case-sensitive and full-width input is normalised', async () => {
    expect((await login(t.w.code.toUpperCase(), 'WORKER1', PASSWORD)).statusCode).toBe(200);
    expect((await login(t.w.code, 'ｗｏｒｋｅｒ１', PASSWORD)).statusCode).toBe(200);
  });

  it('the message is the same for a wrong password, an unknown login and an unknown tenant', async () => {
    const wrong = await login(t.w.code, 'worker2', 'not the password at all');
    const unknown = await login(t.w.code, 'nobody-here', 'not the password at all');
    const noTenant = await login('no-such-city', 'worker2', 'not the password at all');
    for (const res of [wrong, unknown, noTenant]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ code: 'sign_in_failed', message: SIGN_IN_FAILED });
      expect(res.cookies).toHaveLength(0);
    }
    const failures = await authEvents('sign_in.failure');
    expect(failures.map((e) => e.details.reason)).toEqual(expect.arrayContaining(['wrong_password', 'unknown_login']));
    expect(JSON.stringify(failures)).not.toContain('nobody-here');
  });

  it('5 failed attempts lock the account for 15 minutes, even against the right password', async () => {
    await newStaff('locktest');
    for (let i = 1; i <= 4; i++) {
      const res = await login(t.w.code, 'locktest', `wrong password number ${i}`);
      expect(res.json().code).toBe('sign_in_failed');
    }
    const fifth = await login(t.w.code, 'locktest', 'wrong password number 5');
    expect(fifth.json()).toEqual({ code: 'sign_in_locked', message: SIGN_IN_LOCKED });
    const right = await login(t.w.code, 'locktest', PASSWORD);
    expect(right.statusCode).toBe(401);
    expect(right.json().code).toBe('sign_in_locked');
    expect((await authEvents('sign_in.lockout')).length).toBeGreaterThan(0);
    expect((await authEvents('sign_in.locked')).length).toBeGreaterThan(0);

    // Fifteen minutes later (moved back in the database) the right password works again.
    await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
      tx
        .updateTable('signInThrottle')
        .set({ lockedUntil: new Date(Date.now() - 1000) })
        .execute(),
    );
    expect((await login(t.w.code, 'locktest', PASSWORD)).statusCode).toBe(200);
  });

  it('an unknown login locks the same way, so a lockout reveals nothing about existence', async () => {
    const answers: string[] = [];
    for (let i = 1; i <= 6; i++) answers.push((await login(t.w.code, 'ghost-user', `guess ${i}`)).json().code);
    expect(answers).toEqual([
      'sign_in_failed',
      'sign_in_failed',
      'sign_in_failed',
      'sign_in_failed',
      'sign_in_locked',
      'sign_in_locked',
    ]);
  });

  it('a disabled account cannot sign in and gets the same message', async () => {
    const { staffId } = await newStaff('disabledone');
    await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
      tx.updateTable('staff').set({ disabledAt: new Date() }).where('staffId', '=', staffId).execute(),
    );
    const res = await login(t.w.code, 'disabledone', PASSWORD);
    expect(res.json()).toEqual({ code: 'sign_in_failed', message: SIGN_IN_FAILED });
  });

  it('validation names the missing field in Japanese', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { tenantCode: t.w.code, password: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'login', message: '「ログインID」を入力してください' });
  });

  it('the sign-in steps are rate limited per address', async () => {
    const limited = await buildTestApp({ ...t.ctx, signInRateLimitPerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        codes.push(
          (
            await limited.inject({
              method: 'POST',
              url: '/api/auth/login',
              payload: { tenantCode: 'x', login: 'y', password: 'z' },
            })
          ).statusCode,
        );
      }
      expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
      expect(codes[4]).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe('[SEC-4] sessions', () => {
  it('expire after 15 idle minutes at the next request', async () => {
    const client = await signIn(t.app, t.w, 'worker2');
    expect((await client.get('/api/session')).statusCode).toBe(200);
    await setSession(client.cookie, { lastSeenAt: new Date(Date.now() - 15 * 60_000 - 1000) });
    const res = await client.get('/api/session');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('idle_timeout');
    expect(res.json().message).toMatch(/一定時間操作がなかったため/);
    expect((await client.get('/api/session')).statusCode).toBe(401);
    expect((await authEvents('session.idle_timeout'))[0]?.actorStaffId).toBe(t.w.staff.worker2?.staffId);
  });

  it('expire 12 hours after sign-in however active', async () => {
    const client = await signIn(t.app, t.w, 'worker2');
    await setSession(client.cookie, {
      createdAt: new Date(Date.now() - 12 * 3_600_000 - 1000),
      lastSeenAt: new Date(),
    });
    const res = await client.get('/api/session');
    expect(res.json().code).toBe('absolute_timeout');
  });

  it('follow the tenant’s own timeouts', async () => {
    await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
      tx.updateTable('tenants').set({ sessionIdleMinutes: 5 }).execute(),
    );
    try {
      const client = await signIn(t.app, t.w, 'worker2');
      await setSession(client.cookie, { lastSeenAt: new Date(Date.now() - 6 * 60_000) });
      expect((await client.get('/api/session')).json().code).toBe('idle_timeout');
    } finally {
      await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
        tx.updateTable('tenants').set({ sessionIdleMinutes: 15 }).execute(),
      );
    }
  });

  it('logout ends the session on the server: the old cookie no longer works', async () => {
    const client = await signIn(t.app, t.w, 'worker2');
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await client.get('/api/session')).statusCode).toBe(401);
    expect((await authEvents('sign_out'))[0]?.actorStaffId).toBe(t.w.staff.worker2?.staffId);
  });

  it('disabling an account ends its sessions at the next request', async () => {
    const { staffId } = await newStaff('tobedisabled');
    const res = await login(t.w.code, 'tobedisabled', PASSWORD);
    const client = clientFor(t.app, sessionCookie(res), res.json().csrfToken);
    expect((await client.get('/api/session')).statusCode).toBe(200);
    await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
      tx.updateTable('staff').set({ disabledAt: new Date() }).where('staffId', '=', staffId).execute(),
    );
    const after = await client.get('/api/session');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('disabled');
  });

  it('changes need the CSRF token and a same-origin request', async () => {
    const client = await signIn(t.app, t.w, 'worker2');
    const noToken = await client.request({
      method: 'POST',
      url: '/api/auth/logout',
      payload: {},
      headers: { 'x-csrf-token': '' },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('csrf');
    const wrongToken = await client.request({
      method: 'POST',
      url: '/api/auth/logout',
      payload: {},
      headers: { 'x-csrf-token': 'A'.repeat(43) },
    });
    expect(wrongToken.json().code).toBe('csrf');
    const crossSite = await client.request({
      method: 'POST',
      url: '/api/auth/logout',
      payload: {},
      headers: { origin: 'https://evil.example' },
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().code).toBe('cross_site');
    const fetchMeta = await client.request({
      method: 'POST',
      url: '/api/auth/logout',
      payload: {},
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(fetchMeta.json().code).toBe('cross_site');
    expect((await client.get('/api/session')).statusCode).toBe(200);
  });
});

describe('[SEC-4] first sign-in, password rules and the second factor', () => {
  it('a one-time password must be changed before anything else; the new one must follow the rules', async () => {
    await newStaff('firsttimer', { password: 'onetime-Abcdefgh-2345', mustChangePassword: true });
    const res = await login(t.w.code, 'firsttimer', 'onetime-Abcdefgh-2345');
    expect(res.json().stage).toBe('password_change');
    const client = clientFor(t.app, sessionCookie(res), res.json().csrfToken);
    const blocked = await client.get('/api/consultees');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('stage_password_change');

    const tooShort = await client.post('/api/auth/password', { newPassword: 'short one' });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json()).toMatchObject({ field: 'newPassword', message: expect.stringContaining('15文字以上') });
    const common = await client.post('/api/auth/password', { newPassword: 'passwordpassword' });
    expect(common.json().field).toBe('newPassword');
    const withLogin = await client.post('/api/auth/password', { newPassword: 'firsttimer-and-more-words' });
    expect(withLogin.json().message).toBe('ログインIDや氏名を含むパスワードは使用できません');

    const ok = await client.post('/api/auth/password', { newPassword: '雨の日は図書館で静かに本を読む' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().stage).toBe('active');
    expect((await client.get('/api/consultees')).statusCode).toBe(200);
    expect((await login(t.w.code, 'firsttimer', '雨の日は図書館で静かに本を読む')).json().stage).toBe('active');
    expect((await login(t.w.code, 'firsttimer', 'onetime-Abcdefgh-2345')).statusCode).toBe(401);
  });

  it('a voluntary change needs the current password and ends the other sessions', async () => {
    await newStaff('changer');
    const other = clientFor(t.app, sessionCookie(await login(t.w.code, 'changer', PASSWORD)), '');
    const res = await login(t.w.code, 'changer', PASSWORD);
    const client = clientFor(t.app, sessionCookie(res), res.json().csrfToken);
    const missing = await client.post('/api/auth/password', { newPassword: 'a brand new long passphrase' });
    expect(missing.json()).toMatchObject({ field: 'currentPassword' });
    const wrong = await client.post('/api/auth/password', {
      currentPassword: 'nope',
      newPassword: 'a brand new long passphrase',
    });
    expect(wrong.json()).toMatchObject({ field: 'currentPassword', message: '現在のパスワードが正しくありません' });
    const ok = await client.post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'a brand new long passphrase',
    });
    expect(ok.statusCode).toBe(200);
    expect((await client.get('/api/session')).statusCode).toBe(200);
    expect((await other.get('/api/session')).statusCode).toBe(401);
  });

  it('privacy managers must enrol a second factor (QR code) before anything else, then use it at each sign-in', async () => {
    const { staffId } = await newStaff('newppm', { roles: ['privacy_protection_manager'], officeId: null });
    const res = await login(t.w.code, 'newppm', PASSWORD);
    expect(res.json().stage).toBe('mfa_enrol');
    const client = clientFor(t.app, sessionCookie(res), res.json().csrfToken);
    expect((await client.get('/api/audit/events')).json().code).toBe('stage_mfa_enrol');

    const enrol = await client.post('/api/auth/mfa/enrolment');
    expect(enrol.statusCode).toBe(200);
    const { secret, uri, qrSvg } = enrol.json();
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(qrSvg).toMatch(/^<svg/);
    expect((await client.post('/api/auth/mfa/enrolment/confirm', { code: '000000' })).json()).toMatchObject({
      field: 'code',
    });
    const confirm = await client.post('/api/auth/mfa/enrolment/confirm', { code: await generate({ secret }) });
    expect(confirm.json().stage).toBe('active');
    expect((await client.get('/api/audit/events')).statusCode).toBe(200);

    // The stored secret is sealed, not the base32 text.
    const row = await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
      tx.selectFrom('staff').select('totpSecret').where('staffId', '=', staffId).executeTakeFirstOrThrow(),
    );
    expect(row.totpSecret?.toString('latin1')).not.toContain(secret);

    // Next sign-in asks for the code; a replayed code is refused.
    const again = await login(t.w.code, 'newppm', PASSWORD);
    expect(again.json().stage).toBe('mfa_verify');
    const second = clientFor(t.app, sessionCookie(again), again.json().csrfToken);
    expect((await second.get('/api/session')).json().stage).toBe('mfa_verify');
    expect((await second.get('/api/audit/events')).json().code).toBe('stage_mfa_verify');
    const code = await generate({ secret });
    const first = await second.post('/api/auth/mfa/verify', { code });
    // The enrolment used this step already, so the same code is a replay unless the clock moved on.
    if (first.statusCode === 200) {
      expect(first.json().stage).toBe('active');
    } else {
      expect(first.json().field).toBe('code');
    }
    const third = clientFor(t.app, sessionCookie(await login(t.w.code, 'newppm', PASSWORD)), '');
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/verify',
      payload: { code },
      headers: { cookie: third.cookie, 'x-csrf-token': (await third.get('/api/session')).json().csrfToken },
    });
    expect(replay.statusCode).toBe(400);
    expect((await authEvents('mfa.enrol')).length).toBeGreaterThan(0);
  });

  it('wrong second-factor codes count toward the lockout', async () => {
    const ppm = t.w.staff.ppm!;
    for (let i = 0; i < 5; i++) {
      const res = await login(t.w.code, ppm.login, PASSWORD);
      if (res.json().code === 'sign_in_locked') break;
      const client = clientFor(t.app, sessionCookie(res), res.json().csrfToken);
      await client.post('/api/auth/mfa/verify', { code: '000000' });
    }
    const res = await login(t.w.code, ppm.login, PASSWORD);
    expect(res.json().code).toBe('sign_in_locked');
    expect((await authEvents('mfa.failure')).length).toBeGreaterThanOrEqual(4);
    await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) => tx.deleteFrom('signInThrottle').execute());
  });

  it('a short password (8+) is allowed only while a second factor is on', async () => {
    await newStaff('shortpw', { password: 'Zq7!mP2x', mustChangePassword: false });
    const res = await login(t.w.code, 'shortpw', 'Zq7!mP2x');
    expect(res.json().stage).toBe('password_change');
  });
});
