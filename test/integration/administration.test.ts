import { beforeAll, describe, expect, it } from 'vitest';

import { type Client, clientFor, sessionCookie, signIn, useTestApp } from '../support/world.js';

const t = useTestApp();

let admin: Client;

beforeAll(async () => {
  admin = await signIn(t.app, t.w, 'admin', t.tdb);
});

const login = (loginName: string, password: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { tenantCode: t.w.code, login: loginName, password },
  });

describe('[SEC-3][CLS-3] staff and roles, managed by the system administrator', () => {
  it('registers staff of every employment kind with a one-time password to change at first sign-in', async () => {
    for (const kind of ['employee', 'director', 'temporary', 'dispatched', 'trainee']) {
      const res = await admin.post('/api/admin/staff', {
        login: `new-${kind}`,
        displayName: `新規 ${kind}`,
        displayNameKana: 'シンキ',
        organizationId: t.w.council,
        officeId: t.w.councilOffice,
        employmentKind: kind,
        roles: ['support_worker'],
        confidentialityPledgedOn: '2026-04-01',
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.staff).toMatchObject({
        employmentKind: kind,
        mustChangePassword: true,
        confidentialityPledgedOn: '2026-04-01',
      });
      expect(body.oneTimePassword).toMatch(/^[A-Za-z0-9]{20}$/);
      const first = await login(`new-${kind}`, body.oneTimePassword);
      expect(first.json().stage).toBe('password_change');
    }
  });

  it('refuses bad input with the field named in Japanese, and changes nothing', async () => {
    const before = (await admin.get('/api/admin/staff')).json().items.length;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [
        { login: 'ab', displayName: 'x', organizationId: t.w.council, employmentKind: 'employee', roles: ['clerk'] },
        'login',
        /「ログインID」は3文字以上/,
      ],
      [
        {
          login: 'Bad Login!',
          displayName: 'x',
          organizationId: t.w.council,
          employmentKind: 'employee',
          roles: ['clerk'],
        },
        'login',
        /「ログインID」の形式/,
      ],
      [
        { login: 'okname', displayName: '', organizationId: t.w.council, employmentKind: 'employee', roles: ['clerk'] },
        'displayName',
        /「氏名」を入力/,
      ],
      [
        { login: 'okname', displayName: 'x', organizationId: t.w.council, employmentKind: 'boss', roles: ['clerk'] },
        'employmentKind',
        /「雇用形態」の値が選択肢にありません/,
      ],
      [
        { login: 'okname', displayName: 'x', organizationId: t.w.council, employmentKind: 'employee', roles: [] },
        'roles',
        /「役割」は1件以上/,
      ],
      [
        {
          login: 'okname',
          displayName: 'x',
          organizationId: t.w.council,
          employmentKind: 'employee',
          roles: ['overlord'],
        },
        'roles.0',
        /「役割」の値が選択肢にありません/,
      ],
      [
        {
          login: 'okname',
          displayName: 'x',
          organizationId: 'not-a-uuid',
          employmentKind: 'employee',
          roles: ['clerk'],
        },
        'organizationId',
        /「組織」の形式/,
      ],
      [
        {
          login: 'okname',
          displayName: 'x',
          organizationId: t.w.council,
          officeId: t.w.cityOffice,
          employmentKind: 'employee',
          roles: ['clerk'],
        },
        'officeId',
        /この組織の窓口/,
      ],
      [
        {
          login: 'worker1',
          displayName: 'x',
          organizationId: t.w.council,
          employmentKind: 'employee',
          roles: ['clerk'],
        },
        'login',
        /既に使われています/,
      ],
      [
        {
          login: 'okname',
          displayName: 'x',
          organizationId: t.w.council,
          employmentKind: 'employee',
          roles: ['clerk'],
          confidentialityPledgedOn: '2026-02-30',
        },
        'confidentialityPledgedOn',
        /守秘義務誓約日/,
      ],
      [
        {
          login: 'okname',
          displayName: 'x',
          organizationId: t.w.council,
          employmentKind: 'employee',
          roles: ['clerk'],
          isAdmin: true,
        },
        'isAdmin',
        /受け付けられない項目/,
      ],
    ];
    for (const [payload, field, message] of cases) {
      const res = await admin.post('/api/admin/staff', payload);
      expect({ field: res.json().field, status: res.statusCode }, JSON.stringify(payload)).toEqual({
        field,
        status: field === 'login' && message.source.includes('既に') ? 409 : 400,
      });
      expect(res.json().message).toMatch(message);
    }
    expect((await admin.get('/api/admin/staff')).json().items.length).toBe(before);
  });

  it('hostile text is stored and returned as text, never interpreted', async () => {
    const hostile = `<script>alert(1)</script>'; DROP TABLE staff; --`;
    const res = await admin.post('/api/admin/staff', {
      login: 'hostile-name',
      displayName: hostile,
      organizationId: t.w.council,
      employmentKind: 'employee',
      roles: ['clerk'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().staff.displayName).toBe(hostile);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect((await admin.get('/api/admin/staff')).statusCode).toBe(200);
  });

  it('a role change takes effect at the next request', async () => {
    const clerk = await signIn(t.app, t.w, 'clerk');
    const healthOf = async () =>
      (
        (await clerk.get(`/api/consultees/${t.w.consultees.a}`)).json().profile as { itemKey: string; value: unknown }[]
      ).find((p) => p.itemKey === 'health_condition')?.value;
    expect(await healthOf()).toBeNull();
    const res = await admin.request({
      method: 'PATCH',
      url: `/api/admin/staff/${t.w.staff.clerk?.staffId}`,
      payload: { roles: ['clerk', 'chief_support_worker'] },
    });
    expect(res.statusCode).toBe(200);
    expect(await healthOf()).toBe('通院中（テスト）');
    await admin.request({
      method: 'PATCH',
      url: `/api/admin/staff/${t.w.staff.clerk?.staffId}`,
      payload: { roles: ['clerk'] },
    });
    expect(await healthOf()).toBeNull();
  });

  it('disable ends sessions; enable restores sign-in; reset-password issues a new one-time password', async () => {
    const target = t.w.staff.worker2!;
    const worker = await signIn(t.app, t.w, 'worker2');
    const disabled = await admin.post(`/api/admin/staff/${target.staffId}/disable`);
    expect(disabled.json().staff.disabled).toBe(true);
    expect((await worker.get('/api/session')).statusCode).toBe(401);
    expect((await login(target.login, target.password)).statusCode).toBe(401);
    await admin.post(`/api/admin/staff/${target.staffId}/enable`);
    expect((await login(target.login, target.password)).statusCode).toBe(200);
    const reset = await admin.post(`/api/admin/staff/${target.staffId}/reset-password`);
    const oneTime = reset.json().oneTimePassword as string;
    expect((await login(target.login, target.password)).statusCode).toBe(401);
    const res = await login(target.login, oneTime);
    expect(res.json().stage).toBe('password_change');
    const client = clientFor(t.app, sessionCookie(res), res.json().csrfToken);
    await client.post('/api/auth/password', { newPassword: target.password.split('').reverse().join('') + ' again' });
    target.password = target.password.split('').reverse().join('') + ' again';
  });

  it('unlocks a locked login and resets a second factor', async () => {
    const target = t.w.staff.budget!;
    for (let i = 0; i < 5; i++) await login(target.login, `wrong ${i}`);
    expect((await login(target.login, target.password)).json().code).toBe('sign_in_locked');
    const list = (await admin.get('/api/admin/staff')).json().items;
    expect(list.find((s: { staffId: string }) => s.staffId === target.staffId).locked).toBe(true);
    await admin.post(`/api/admin/staff/${target.staffId}/unlock`);
    expect((await login(target.login, target.password)).statusCode).toBe(200);

    const ppm = t.w.staff.ppm!;
    const reset = await admin.post(`/api/admin/staff/${ppm.staffId}/reset-mfa`);
    expect(reset.json().staff.mfaEnabled).toBe(false);
    expect((await login(ppm.login, ppm.password)).json().stage).toBe('mfa_enrol');
  });

  it('an administrator cannot disable themselves or drop their own administrator role', async () => {
    const self = t.w.staff.admin!;
    expect((await admin.post(`/api/admin/staff/${self.staffId}/disable`)).statusCode).toBe(409);
    const res = await admin.request({
      method: 'PATCH',
      url: `/api/admin/staff/${self.staffId}`,
      payload: { roles: ['clerk'] },
    });
    expect(res.json()).toMatchObject({ field: 'roles' });
  });

  it('a contractor’s administrator manages only the contractor’s staff', async () => {
    const councilAdmin = await signIn(t.app, t.w, 'councilAdmin', t.tdb);
    const list = (await councilAdmin.get('/api/admin/staff')).json().items as { organizationId: string }[];
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((s) => s.organizationId === t.w.council)).toBe(true);
    expect((await councilAdmin.post(`/api/admin/staff/${t.w.staff.supervisor?.staffId}/disable`)).statusCode).toBe(404);
    const created = await councilAdmin.post('/api/admin/staff', {
      login: 'into-city',
      displayName: 'x',
      organizationId: t.w.city,
      employmentKind: 'employee',
      roles: ['clerk'],
    });
    expect(created.json().field).toBe('organizationId');
  });

  it('only the administrator reaches the administration routes', async () => {
    for (const key of ['worker1', 'chief', 'clerk', 'ppm', 'supervisor', 'complaints']) {
      const client = await signIn(t.app, t.w, key, t.tdb);
      expect((await client.get('/api/admin/staff')).statusCode, key).toBe(403);
      expect((await client.get('/api/admin/settings')).statusCode, key).toBe(403);
      expect((await client.post(`/api/admin/staff/${t.w.staff.worker1?.staffId}/disable`)).statusCode, key).toBe(403);
    }
  });

  it('tenant settings: the second factor for everyone, and session timeouts within bounds', async () => {
    const bad = await admin.request({
      method: 'PUT',
      url: '/api/admin/settings',
      payload: { mfaRequiredForAll: true, sessionIdleMinutes: 1, sessionAbsoluteHours: 12 },
    });
    expect(bad.json()).toMatchObject({ field: 'sessionIdleMinutes', message: expect.stringContaining('5以上') });
    const ok = await admin.request({
      method: 'PUT',
      url: '/api/admin/settings',
      payload: { mfaRequiredForAll: true, sessionIdleMinutes: 30, sessionAbsoluteHours: 8 },
    });
    expect(ok.json()).toEqual({ mfaRequiredForAll: true, sessionIdleMinutes: 30, sessionAbsoluteHours: 8 });
    const res = await login(t.w.staff.employment!.login, t.w.staff.employment!.password);
    expect(res.json().stage).toBe('mfa_enrol');
    await admin.request({
      method: 'PUT',
      url: '/api/admin/settings',
      payload: { mfaRequiredForAll: false, sessionIdleMinutes: 15, sessionAbsoluteHours: 12 },
    });
  });

  it('administration is recorded in the audit trail', async () => {
    const trail = await (await signIn(t.app, t.w, 'supervisor')).get('/api/audit/events?category=admin&limit=200');
    const actions = (trail.json().items as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'staff.create',
        'staff.update',
        'staff.disable',
        'staff.enable',
        'staff.reset_password',
        'staff.unlock',
        'staff.reset_mfa',
        'settings.update',
      ]),
    );
  });
});
