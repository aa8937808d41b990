import { beforeAll, describe, expect, it } from 'vitest';

import { type Client, signIn, useTestApp } from '../support/world.js';

import { tokyoDate } from '../../src/shared/wareki.js';

const t = useTestApp();

let ppm: Client;

interface Item {
  eventId: string;
  action: string;
  outcome: string;
  actor: { staffId: string } | null;
  subjects: { consulteeId: string; name: string | null }[];
  notAssigned: boolean;
  scopeBasis: string | null;
}

beforeAll(async () => {
  const worker = await signIn(t.app, t.w, 'worker1');
  await worker.get(`/api/consultees/${t.w.consultees.a}`);
  await worker.get(`/api/consultees/${t.w.consultees.c}`); // refused: not assigned
  const chief = await signIn(t.app, t.w, 'chief');
  await chief.get(`/api/consultees/${t.w.consultees.a}`); // allowed on office oversight: not assigned
  await chief.get('/api/consultees'); // a list with records the chief is not assigned to
  await signIn(t.app, t.w, 'cityWorker');
  ppm = await signIn(t.app, t.w, 'ppm', t.tdb);
});

const items = async (client: Client, query: string): Promise<Item[]> => {
  const res = await client.get(`/api/audit/events?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};

describe('[SEC-4] the audit viewer for the privacy protection manager', () => {
  it('shows sign-ins and reads, newest first', async () => {
    const all = await items(ppm, 'limit=200');
    const actions = all.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['sign_in.success', 'consultee.read']));
    const ids = all.map((e) => BigInt(e.eventId));
    expect([...ids].sort((x, y) => (x < y ? 1 : -1))).toEqual(ids);
  });

  it('filters by staff member, person, action, outcome and date', async () => {
    const byStaff = await items(ppm, `staffId=${t.w.staff.worker1?.staffId}`);
    expect(byStaff.length).toBeGreaterThan(0);
    expect(byStaff.every((e) => e.actor?.staffId === t.w.staff.worker1?.staffId)).toBe(true);

    const byPerson = await items(ppm, `subjectId=${t.w.consultees.a}`);
    expect(byPerson.length).toBeGreaterThanOrEqual(2);
    expect(byPerson.every((e) => e.subjects.some((s) => s.consulteeId === t.w.consultees.a))).toBe(true);
    expect(byPerson[0]?.subjects.find((s) => s.consulteeId === t.w.consultees.a)?.name).toBe('試験A 太郎');

    const signIns = await items(ppm, 'action=sign_in');
    expect(signIns.length).toBeGreaterThan(0);
    expect(signIns.every((e) => e.action.startsWith('sign_in.'))).toBe(true);

    const denied = await items(ppm, 'outcome=denied');
    expect(denied.some((e) => e.action === 'consultee.read' && e.actor?.staffId === t.w.staff.worker1?.staffId)).toBe(
      true,
    );

    const today = tokyoDate(new Date());
    expect((await items(ppm, `from=${today}&to=${today}`)).length).toBeGreaterThan(0);
    expect(await items(ppm, 'from=2020-01-01&to=2020-01-31')).toEqual([]);
  });

  it('access to a record by someone not assigned to it stands out', async () => {
    const reads = (await items(ppm, 'action=consultee.read&outcome=success')).filter((e) =>
      e.subjects.some((s) => s.consulteeId === t.w.consultees.a),
    );
    const byChief = reads.find((e) => e.actor?.staffId === t.w.staff.chief?.staffId);
    const byWorker = reads.find((e) => e.actor?.staffId === t.w.staff.worker1?.staffId);
    expect(byChief).toMatchObject({ notAssigned: true, scopeBasis: 'office' });
    expect(byWorker).toMatchObject({ notAssigned: false, scopeBasis: 'assigned' });
    const lists = (await items(ppm, 'action=consultee.list')).filter(
      (e) => e.actor?.staffId === t.w.staff.chief?.staffId,
    );
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.every((e) => e.scopeBasis === 'office' && e.notAssigned)).toBe(true);
    const only = await items(ppm, 'notAssignedOnly=true');
    expect(only.length).toBeGreaterThan(0);
    expect(only.every((e) => e.notAssigned)).toBe(true);
  });

  it('pages with a cursor', async () => {
    const first = await ppm.get('/api/audit/events?limit=3');
    const { items: page1, nextCursor } = first.json();
    expect(page1).toHaveLength(3);
    expect(nextCursor).toBe(page1[2].eventId);
    const page2 = await items(ppm, `limit=3&before=${nextCursor}`);
    expect(BigInt(page2[0]!.eventId)).toBeLessThan(BigInt(nextCursor));
  });

  it('looking at the trail is itself recorded', async () => {
    await items(ppm, `subjectId=${t.w.consultees.b}`);
    const searches = await items(ppm, 'action=audit.search');
    expect(searches.some((e) => e.actor?.staffId === t.w.staff.ppm?.staffId)).toBe(true);
  });

  it('a contractor’s privacy manager sees the contractor’s trail, not the municipality’s; the supervisor sees both', async () => {
    const council = await items(ppm, 'action=sign_in.success&limit=200');
    expect(council.some((e) => e.actor?.staffId === t.w.staff.cityWorker?.staffId)).toBe(false);
    const supervisor = await signIn(t.app, t.w, 'supervisor');
    const all = await items(supervisor, 'action=sign_in.success&limit=200');
    expect(all.some((e) => e.actor?.staffId === t.w.staff.cityWorker?.staffId)).toBe(true);
    expect(all.some((e) => e.actor?.staffId === t.w.staff.worker1?.staffId)).toBe(true);
  });

  it('is closed to everyone without the audit permission', async () => {
    for (const key of ['worker1', 'chief', 'clerk', 'complaints', 'admin']) {
      const client = await signIn(t.app, t.w, key, t.tdb);
      expect((await client.get('/api/audit/events')).statusCode, key).toBe(403);
    }
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const res = await ppm.get('/api/audit/events?from=2026-05-01&to=2026-04-01');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'to', message: expect.stringContaining('期間（終了）') });
    const bad = await ppm.get('/api/audit/events?staffId=123');
    expect(bad.json().message).toContain('「職員」');
  });
});
