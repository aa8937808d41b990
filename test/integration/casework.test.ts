import { describe, expect, it } from 'vitest';
import { signIn, useTestApp, type Client } from '../support/world.js';
import { apply, applyAll, caseAt, registerWithConsent } from '../support/casework.js';
import {
  sampleApplication,
  sampleAssessment,
  sampleClosure,
  sampleDecision,
  sampleEvaluation,
  sampleIntake,
  sampleMeeting,
  sampleNote,
  samplePlan,
  stepsTo,
} from '../../src/server/tenancy/sample-forms.js';
import { asOwnerInTenant } from '../../src/server/tenancy/provision.js';

const t = useTestApp();

async function detail(client: Client, caseId: string) {
  const res = await client.get(`/api/cases/${caseId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function move(client: Client, caseId: string, transition: string) {
  return client.post(`/api/cases/${caseId}/transitions`, { transition });
}

async function expectRefusedMove(client: Client, caseId: string, transition: string, reason: string) {
  const res = await move(client, caseId, transition);
  expect(res.statusCode, res.body).toBe(409);
  expect(res.json()).toMatchObject({ code: 'transition_refused', message: reason, field: 'transition' });
}

describe('[BIZ-1][BIZ-2] the case flow from intake to closure', () => {
  it('a worker takes a case from intake to closure through every form', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { caseId, consulteeId } = await registerWithConsent(worker);
    const opened = await detail(worker, caseId);
    expect(opened.case).toMatchObject({ status: 'intake', consulteeId, program: 'self_reliance' });
    expect(opened.workers).toEqual([expect.objectContaining({ staffId: t.w.staff.worker1?.staffId, role: 'lead' })]);

    await applyAll(worker, caseId, stepsTo('closed', '2026-04-01'));
    const closed = await detail(worker, caseId);
    expect(closed.case).toMatchObject({ status: 'closed', closedOn: '2026-10-08' });
    expect(closed.intake).toMatchObject({
      contactRoute: 'walk_in',
      topics: ['income', 'job_search', 'debt', 'rent_loan'],
    });
    expect(closed.assessment).toMatchObject({ issueTraits: ['economic_hardship', 'job_search_difficulty', 'debt'] });
    expect(closed.plans).toHaveLength(1);
    expect(closed.plans[0]).toMatchObject({
      revision: 1,
      goals: expect.arrayContaining([expect.objectContaining({ goal: '住まいを失わない' })]),
    });
    expect(closed.meetings.map((m: { decision: string }) => m.decision)).toEqual(['confirm_closure', 'approve_plan']);
    expect(closed.decisions[0]).toMatchObject({ decidedBy: '架空市長' });
    expect(closed.applications[0]).toMatchObject({ programs: ['housing_benefit'], forwardedOn: '2026-04-17' });
    expect(closed.notes[0]).toMatchObject({ method: 'accompany', content: expect.stringContaining('ハローワーク') });
    expect(closed.evaluations[0]).toMatchObject({ nextAction: 'close', employed: true });
    expect(closed.closure).toMatchObject({ reasons: ['goal_achieved'], wishesConfirmed: true });
    expect(closed.transitions.map((x: { toStatus: string }) => x.toStatus)).toEqual([
      'screening',
      'assessment',
      'plan_draft',
      'coordination',
      'decided',
      'in_support',
      'evaluation',
      'closed',
    ]);
    expect(closed.moves).toEqual([]);
  });

  it('each move is refused until its record is made, and says why in Japanese', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { caseId } = await registerWithConsent(worker);
    await expectRefusedMove(worker, caseId, 'start_screening', '相談受付・申込票を記録してください');
    await expectRefusedMove(worker, caseId, 'close', '「相談受付」の段階では「終結する」はできません');
    const offered = (await detail(worker, caseId)).moves;
    expect(offered).toEqual([
      {
        transition: 'start_screening',
        label: 'スクリーニングへ進む',
        allowed: false,
        reason: '相談受付・申込票を記録してください',
      },
    ]);
    await applyAll(worker, caseId, stepsTo('screening', '2026-04-01'));
    await expectRefusedMove(
      worker,
      caseId,
      'start_assessment',
      'スクリーニング結果を「継続支援」として記録してください',
    );
    await applyAll(worker, caseId, [{ screening: 'continued' }, { move: 'start_assessment' }]);
    await expectRefusedMove(worker, caseId, 'draft_plan', 'インテーク・アセスメントシートを記録してください');
    await applyAll(worker, caseId, [
      { form: 'assessment', method: 'PUT', body: sampleAssessment('2026-04-08') },
      { move: 'draft_plan' },
    ]);
    await expectRefusedMove(worker, caseId, 'submit_to_meeting', '目標を1つ以上含むプランを作成してください');
    await applyAll(worker, caseId, [
      { form: 'plans', method: 'POST', body: { ...samplePlan('2026-04-15'), goals: [] } },
    ]);
    await expectRefusedMove(worker, caseId, 'submit_to_meeting', '目標を1つ以上含むプランを作成してください');
    await applyAll(worker, caseId, [
      { form: 'plans', method: 'POST', body: samplePlan('2026-04-16') },
      { move: 'submit_to_meeting' },
    ]);
    await expectRefusedMove(worker, caseId, 'record_decision', '支援調整会議で「プランを了承」と記録してください');
    await applyAll(worker, caseId, [
      { form: 'meetings', method: 'POST', body: sampleMeeting('2026-04-20', 'approve_plan') },
      { move: 'record_decision' },
    ]);
    await expectRefusedMove(worker, caseId, 'start_support', '自治体による支援決定を記録してください');
    await applyAll(worker, caseId, [
      { form: 'decisions', method: 'POST', body: sampleDecision('2026-04-25') },
      { move: 'start_support' },
      { move: 'start_evaluation' },
    ]);
    await expectRefusedMove(worker, caseId, 'close', '終結の記録（終結日・理由）を作成してください');
    await applyAll(worker, caseId, [{ form: 'closure', method: 'PUT', body: sampleClosure('2026-10-01') }]);
    await expectRefusedMove(worker, caseId, 'close', '支援調整会議で終結を確認したことを記録してください');
    const before = await detail(worker, caseId);
    expect(before.case.status).toBe('evaluation');
    expect(before.transitions).toHaveLength(7);
  });

  it('a case may end after screening with information only, or be referred elsewhere', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const info = await caseAt(worker, 'closed_info_only');
    expect((await detail(worker, info.caseId)).case).toMatchObject({
      status: 'closed_info_only',
      screeningResult: 'info_only',
    });
    const referred = await caseAt(worker, 'referred');
    expect((await detail(worker, referred.caseId)).case).toMatchObject({
      status: 'referred',
      screeningResult: 'referred',
      referralDestination: '架空市 福祉事務所（生活保護）',
    });
    const res = await worker.request({
      method: 'PUT',
      url: `/api/cases/${info.caseId}/screening`,
      payload: { screeningResult: 'referred' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'referralDestination' });
  });

  it('suspension returns to the stage it left; ending from suspension needs the meeting to confirm it', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { caseId } = await caseAt(worker, 'plan_draft');
    expect((await move(worker, caseId, 'suspend')).json()).toEqual({ status: 'suspended' });
    expect((await detail(worker, caseId)).case.suspendedFrom).toBe('plan_draft');
    expect((await move(worker, caseId, 'resume')).json()).toEqual({ status: 'plan_draft' });
    await move(worker, caseId, 'suspend');
    await applyAll(worker, caseId, [
      { form: 'closure', method: 'PUT', body: { ...sampleClosure('2026-09-01'), reasons: ['contact_lost'] } },
    ]);
    await expectRefusedMove(worker, caseId, 'close', '支援調整会議で終結を確認したことを記録してください');
    await applyAll(worker, caseId, [
      { form: 'meetings', method: 'POST', body: sampleMeeting('2026-09-05', 'confirm_closure') },
      { move: 'close' },
    ]);
    expect((await detail(worker, caseId)).case).toMatchObject({ status: 'closed', closedOn: '2026-09-01' });
  });

  it('re-planning makes the next revision, and only records made since count for the next moves', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { caseId } = await caseAt(worker, 'in_support');
    await applyAll(worker, caseId, [
      { move: 'start_evaluation' },
      { form: 'evaluations', method: 'POST', body: sampleEvaluation('2026-09-30', 'replan') },
      { move: 'replan' },
    ]);
    // The approval of revision 1 does not carry over to revision 2.
    await applyAll(worker, caseId, [
      { form: 'plans', method: 'POST', body: samplePlan('2026-10-05') },
      { move: 'submit_to_meeting' },
    ]);
    await expectRefusedMove(worker, caseId, 'record_decision', '支援調整会議で「プランを了承」と記録してください');
    await applyAll(worker, caseId, [
      { form: 'meetings', method: 'POST', body: sampleMeeting('2026-10-10', 'revise_plan') },
      { move: 'replan' },
    ]);
    const now = await detail(worker, caseId);
    expect(now.case.status).toBe('plan_draft');
    expect(now.plans.map((p: { revision: number }) => p.revision)).toEqual([2, 1]);
  });

  it('after an evaluation that says to continue, support goes on under the current plan', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { caseId } = await caseAt(worker, 'in_support');
    await move(worker, caseId, 'start_evaluation');
    await expectRefusedMove(
      worker,
      caseId,
      'continue_support',
      '評価シートで今後の方針を「現在のプランで支援を続ける」と記録してください',
    );
    await applyAll(worker, caseId, [
      { form: 'evaluations', method: 'POST', body: sampleEvaluation('2026-07-01', 'continue') },
      { move: 'continue_support' },
    ]);
    expect((await detail(worker, caseId)).case.status).toBe('in_support');
  });
});

describe('[BIZ-1] the forms: saved, read back, changed with history, refused with the field named', () => {
  it('a form changed keeps its previous version in the history, with who changed it', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { caseId } = await registerWithConsent(worker);
    const first = await worker.request({
      method: 'PUT',
      url: `/api/cases/${caseId}/intake`,
      payload: sampleIntake('2026-04-01'),
    });
    const again = await worker.request({
      method: 'PUT',
      url: `/api/cases/${caseId}/intake`,
      payload: { ...sampleIntake('2026-04-01'), wishes: '家賃の相談をしたい' },
    });
    expect(again.json().id).toBe(first.json().id);
    const note = await worker.post(`/api/cases/${caseId}/notes`, sampleNote('2026-04-02'));
    await worker.request({
      method: 'PUT',
      url: `/api/cases/${caseId}/notes/${note.json().id}`,
      payload: sampleNote('2026-04-02', '電話で状況を確認した。'),
    });
    const history = (await worker.get(`/api/cases/${caseId}/history`)).json().items as {
      recordTable: string;
      changeKind: string;
      changes: Record<string, { from: unknown; to: unknown }>;
      changedBy: { staffId: string } | null;
    }[];
    const intakeChange = history.find((h) => h.recordTable === 'intake_forms' && h.changeKind === 'update');
    expect(intakeChange?.changes.wishes).toEqual({
      from: '仕事が見つからず、家賃の支払いが苦しい。早く働きたい。',
      to: '家賃の相談をしたい',
    });
    expect(intakeChange?.changedBy?.staffId).toBe(t.w.staff.worker1?.staffId);
    const noteChange = history.find((h) => h.recordTable === 'progress_notes' && h.changeKind === 'update');
    expect(noteChange?.changes.content?.to).toBe('電話で状況を確認した。');
  });

  it('refuses what the form cannot be, naming the field, and changes nothing', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { caseId } = await caseAt(worker, 'in_support');
    const other = await caseAt(worker, 'coordination');
    const otherPlan = (await detail(worker, other.caseId)).plans[0].planId as string;
    const before = await detail(worker, caseId);
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['PUT', 'intake', { ...sampleIntake('2026-04-01'), primaryTopic: 'health' }, 'primaryTopic'],
      ['PUT', 'intake', { ...sampleIntake('2026-04-01'), appliedOn: null }, 'appliedOn'],
      ['PUT', 'intake', { ...sampleIntake('2026-04-01'), source: 'family' }, 'sourceDetail'],
      ['PUT', 'intake', { ...sampleIntake('2026-04-01'), contactRoute: 'telepathy' }, 'contactRoute'],
      ['PUT', 'intake', { ...sampleIntake('2026-04-01'), receivedOn: '2026-02-30' }, 'receivedOn'],
      ['PUT', 'intake', { ...sampleIntake('2026-04-01'), wishes: 'あ'.repeat(4001) }, 'wishes'],
      ['PUT', 'intake', { ...sampleIntake('2026-04-01'), surprise: 1 }, 'surprise'],
      ['POST', 'plans', { ...samplePlan('2026-05-01'), periodTo: '2026-04-01' }, 'periodTo'],
      [
        'POST',
        'plans',
        { ...samplePlan('2026-05-01'), goals: [{ goal: ' ', actions: '', who: '', period: '' }] },
        'goals.0.goal',
      ],
      ['POST', 'meetings', sampleMeeting('2026-05-01', 'approve_plan', otherPlan), 'planId'],
      ['POST', 'applications', sampleApplication('2026-05-01', '2026-04-30'), 'forwardedOn'],
      ['POST', 'applications', { ...sampleApplication('2026-05-01'), programs: [] }, 'programs'],
      ['POST', 'evaluations', { ...sampleEvaluation('2026-06-01', 'close'), employedOn: null }, 'employedOn'],
      ['PUT', 'closure', { ...sampleClosure('2026-06-01'), wishesConfirmed: false }, 'wishesConfirmed'],
      ['POST', 'notes', { ...sampleNote('2026-06-01'), content: '   ' }, 'content'],
      ['POST', 'notes', { ...sampleNote('2026-06-01'), acquisitionGround: 'law', groundReason: '法令' }, 'sensitivity'],
    ];
    for (const [method, form, payload, field] of cases) {
      const res = await worker.request({
        method: method as 'PUT' | 'POST',
        url: `/api/cases/${caseId}/${form}`,
        payload,
      });
      expect(res.statusCode, `${form} ${field}: ${res.body}`).toBe(400);
      const body = res.json();
      expect(body.field ?? body.errors?.[0]?.field, `${form} ${field}`).toBe(field);
      expect(body.message).toMatch(/[ぁ-んァ-ン一-龥]/);
    }
    const after = await detail(worker, caseId);
    for (const key of ['intake', 'plans', 'meetings', 'applications', 'evaluations', 'closure', 'notes']) {
      expect(after[key], key).toEqual(before[key]);
    }
  });

  it('a form of another case cannot be changed through this case', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const one = await caseAt(worker, 'in_support');
    const two = await caseAt(worker, 'in_support');
    const noteOfTwo = (await detail(worker, two.caseId)).notes[0].noteId as string;
    const res = await worker.request({
      method: 'PUT',
      url: `/api/cases/${one.caseId}/notes/${noteOfTwo}`,
      payload: sampleNote('2026-06-01', '書き換え'),
    });
    expect(res.statusCode).toBe(404);
    expect((await detail(worker, two.caseId)).notes[0].content).not.toBe('書き換え');
  });
});

describe('[ACQ-2] special-care content in notes and assessments needs consent or a ground', () => {
  it('without consent a special-care note is refused, unless a ground and its reason are recorded', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { caseId } = await registerWithConsent(worker, { consent: undefined });
    // The screen learns there is no consent in force, so it asks for the ground before saving.
    expect((await detail(worker, caseId)).specialCareConsent).toBe(false);
    const special = { ...sampleNote('2026-04-05', '精神科に通院していると話があった。'), sensitivity: 'special_care' };
    const refused = await worker.post(`/api/cases/${caseId}/notes`, special);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'acquisition_refused', field: 'acquisitionGround' });
    const noReason = await worker.post(`/api/cases/${caseId}/notes`, {
      ...special,
      acquisitionGround: 'life_body_property',
    });
    expect(noReason.json()).toMatchObject({ field: 'groundReason' });
    const grounded = await worker.post(`/api/cases/${caseId}/notes`, {
      ...special,
      acquisitionGround: 'life_body_property',
      groundReason: '自殺をほのめかしており、生命の保護のため医療機関と連携する必要があるため',
    });
    expect(grounded.statusCode, grounded.body).toBe(200);
    const note = (await detail(worker, caseId)).notes[0];
    expect(note).toMatchObject({
      sensitivity: 'special_care',
      acquisitionGround: 'life_body_property',
      consentId: null,
    });

    const assessment = await worker.request({
      method: 'PUT',
      url: `/api/cases/${caseId}/assessment`,
      payload: { ...sampleAssessment('2026-04-08'), healthSituation: 'うつ病の診断を受けている' },
    });
    expect(assessment.json()).toMatchObject({ code: 'acquisition_refused' });
  });

  it('with consent covering special-care data, the note records the consent it rests on', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { caseId, consulteeId } = await registerWithConsent(worker);
    expect((await detail(worker, caseId)).specialCareConsent).toBe(true);
    const res = await worker.post(`/api/cases/${caseId}/notes`, {
      ...sampleNote('2026-04-05', '糖尿病で服薬中とのこと。'),
      sensitivity: 'special_care',
    });
    expect(res.statusCode, res.body).toBe(200);
    const consents = (await worker.get(`/api/consultees/${consulteeId}`)).json().consents;
    expect((await detail(worker, caseId)).notes[0].consentId).toBe(consents[0].consentId);
  });

  it('[CLS-1] a clerk sees ordinary notes but not the content of special-care ones, and cannot write them', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { caseId } = await registerWithConsent(worker);
    await worker.post(`/api/cases/${caseId}/notes`, sampleNote('2026-04-05', '来所して家計の話をした。'));
    await worker.post(`/api/cases/${caseId}/notes`, {
      ...sampleNote('2026-04-06', '障害者手帳を持っている。'),
      sensitivity: 'special_care',
    });
    const clerk = await signIn(t.app, t.w, 'clerk');
    const res = await clerk.get(`/api/cases/${caseId}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('障害者手帳');
    // A clerk keeps the records but neither moves the case nor assigns workers; the screen is told so.
    expect(res.json()).toMatchObject({ may: { transition: false, assign: false }, moves: [] });
    expect((await move(clerk, caseId, 'start_screening')).statusCode).toBe(404);
    expect((await detail(worker, caseId)).case.status).toBe('intake');
    const notes = res.json().notes as { content: string | null; withheld: string[]; sensitivity: string }[];
    expect(notes.find((n) => n.sensitivity === 'ordinary')?.content).toBe('来所して家計の話をした。');
    expect(notes.find((n) => n.sensitivity === 'special_care')).toMatchObject({ content: null, withheld: ['content'] });
    const write = await clerk.post(`/api/cases/${caseId}/notes`, {
      ...sampleNote('2026-04-07', '通院中'),
      sensitivity: 'special_care',
    });
    expect(write.statusCode).toBe(404);
    const ordinary = await clerk.post(
      `/api/cases/${caseId}/notes`,
      sampleNote('2026-04-07', '電話で来所日を調整した。'),
    );
    expect(ordinary.statusCode, ordinary.body).toBe(200);
  });
});

describe('[SEC-4] cases are reached only by those assigned, or by the chief of the office', () => {
  it('a colleague gets 404; the chief reassigns and the change applies at the next request', async () => {
    const worker1 = await signIn(t.app, t.w, 'worker1');
    const worker2 = await signIn(t.app, t.w, 'worker2');
    const chief = await signIn(t.app, t.w, 'chief');
    const { caseId } = await caseAt(worker1, 'screening');
    expect((await worker2.get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    expect((await worker2.post(`/api/cases/${caseId}/notes`, sampleNote('2026-04-02'))).statusCode).toBe(404);
    const assign = { leadStaffId: t.w.staff.worker2?.staffId, coStaffIds: [] };
    expect(
      (await worker1.request({ method: 'PUT', url: `/api/cases/${caseId}/workers`, payload: assign })).statusCode,
    ).toBe(404);
    expect((await detail(worker1, caseId)).may).toEqual({ transition: true, assign: false });
    const chiefView = await chief.get(`/api/cases/${caseId}`);
    expect(chiefView.json()).toMatchObject({ basis: 'office', may: { transition: true, assign: true } });
    const done = await chief.request({ method: 'PUT', url: `/api/cases/${caseId}/workers`, payload: assign });
    expect(done.statusCode, done.body).toBe(200);
    expect((await worker2.get(`/api/cases/${caseId}`)).statusCode).toBe(200);
    expect((await worker1.get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    // The reassignment stays in the case's history: who was taken off, who was put on, and by whom.
    const history = (await worker2.get(`/api/cases/${caseId}/history`)).json().items as {
      recordTable: string;
      changeKind: string;
      changes: Record<string, { from: unknown; to: unknown }>;
      changedBy: { staffId: string } | null;
    }[];
    const byChief = history.filter(
      (h) => h.recordTable === 'case_workers' && h.changedBy?.staffId === t.w.staff.chief?.staffId,
    );
    expect(byChief.map((h) => [h.changeKind, h.changes.staffId])).toEqual(
      expect.arrayContaining([
        ['delete', { from: 'テスト worker1', to: null }],
        ['insert', { from: null, to: 'テスト worker2' }],
      ]),
    );
    const toOtherOffice = await chief.request({
      method: 'PUT',
      url: `/api/cases/${caseId}/workers`,
      payload: { leadStaffId: t.w.staff.cityWorker?.staffId, coStaffIds: [] },
    });
    expect(toOtherOffice.statusCode).toBe(400);
    expect(toOtherOffice.json().field).toBe('leadStaffId');
  });

  it('the municipal supervisor reads the case for supervision only, without special-care content', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { caseId } = await caseAt(worker, 'plan_draft');
    const supervisor = await signIn(t.app, t.w, 'supervisor');
    // Casework is not supervision: the route's purpose is not among the supervisor's.
    expect((await supervisor.get(`/api/cases/${caseId}`)).statusCode).toBe(404);
  });
});

describe('[BIZ-4] applications to the municipality and the dashboard', () => {
  it('an application not yet forwarded shows on the dashboard until the clerk records forwarding it', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { caseId } = await caseAt(worker, 'coordination');
    const created = await worker.post(`/api/cases/${caseId}/applications`, sampleApplication('2026-04-15'));
    expect(created.statusCode, created.body).toBe(200);
    const board = (await worker.get('/api/dashboard')).json();
    const item = board.attention.find((a: { caseId: string }) => a.caseId === caseId);
    expect(item.items).toEqual(expect.arrayContaining([{ code: 'application_unforwarded', on: '2026-04-15' }]));
    expect(item).toMatchObject({ familyName: '見本', assigned: true });

    const clerk = await signIn(t.app, t.w, 'clerk');
    const forwarded = await clerk.request({
      method: 'PUT',
      url: `/api/cases/${caseId}/applications/${created.json().id}`,
      payload: sampleApplication('2026-04-15', '2026-04-16'),
    });
    expect(forwarded.statusCode, forwarded.body).toBe(200);
    const application = (await detail(worker, caseId)).applications.find(
      (a: { applicationId: string }) => a.applicationId === created.json().id,
    );
    expect(application).toMatchObject({ forwardedOn: '2026-04-16', forwardedBy: t.w.staff.clerk?.staffId });
    const after = (await worker.get('/api/dashboard')).json();
    const still = after.attention.find((a: { caseId: string }) => a.caseId === caseId);
    expect(still?.items ?? []).not.toContainEqual(expect.objectContaining({ code: 'application_unforwarded' }));
  });

  it('the dashboard counts my cases by stage and flags those without contact for 30 days; the chief sees the office', async () => {
    const worker = await signIn(t.app, t.w, 'worker2');
    const { caseId } = await caseAt(worker, 'assessment');
    const board = (await worker.get('/api/dashboard')).json();
    expect(board.myCases).toEqual(expect.arrayContaining([{ status: 'assessment', count: 1 }]));
    const item = board.attention.find((a: { caseId: string }) => a.caseId === caseId);
    expect(item.items).toContainEqual({ code: 'no_contact', on: '2026-04-01' });
    const chief = await signIn(t.app, t.w, 'chief');
    const office = (await chief.get('/api/dashboard')).json();
    expect(office.attention.find((a: { caseId: string }) => a.caseId === caseId)).toMatchObject({ assigned: false });
    const events = await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
      tx
        .selectFrom('auditEvents')
        .select(['action', 'scopeBasis', 'recordIds'])
        .where('actorStaffId', '=', t.w.staff.chief?.staffId as string)
        .where('action', '=', 'case.list')
        .execute(),
    );
    expect(events.at(-1)).toMatchObject({ scopeBasis: 'office' });
    expect(events.at(-1)?.recordIds).toContain(caseId);
  });
});

describe('[BIZ-3] household budget support', () => {
  it('totals, the monthly balance and the cash flow are computed from the lines', async () => {
    const worker = await signIn(t.app, t.w, 'budget');
    const { caseId } = await registerWithConsent(worker, { program: 'household_budget' });
    const sheet = await worker.post(`/api/cases/${caseId}/budget/sheets`, {
      kind: 'at_consultation',
      month: '2026-04',
      lines: [
        { direction: 'income', category: 'wages', label: 'パート', amount: 120000 },
        { direction: 'income', category: 'child_allowance', label: '', amount: 10000 },
        { direction: 'expense', category: 'housing', label: '家賃', amount: 55000 },
        { direction: 'expense', category: 'food', label: '', amount: 40000 },
        { direction: 'expense', category: 'debt_payment', label: 'カードローン', amount: 45000 },
      ],
    });
    expect(sheet.statusCode, sheet.body).toBe(200);
    const flow = await worker.post(`/api/cases/${caseId}/budget/cash-flows`, {
      startMonth: '2026-04',
      openingBalance: 30000,
      baseSheetId: sheet.json().id,
      events: [{ month: '2026-06', label: '夏の賞与', amount: 50000 }],
    });
    expect(flow.statusCode, flow.body).toBe(200);
    await worker.post(`/api/cases/${caseId}/budget/debts`, {
      creditor: '架空カード',
      kind: 'credit_card',
      balance: 800000,
      monthlyPayment: 30000,
      arrearsAmount: 60000,
      arrearsMonths: 2,
      status: 'in_arrears',
    });
    await worker.post(`/api/cases/${caseId}/budget/debts`, {
      creditor: '架空ローン',
      kind: 'consumer_loan',
      balance: 300000,
      monthlyPayment: 15000,
      arrearsAmount: 0,
      arrearsMonths: 0,
      status: 'repaying',
    });
    const budget = (await detail(worker, caseId)).budget;
    expect(budget.sheets[0].totals).toMatchObject({ income: 130000, expense: 140000, balance: -10000 });
    expect(budget.cashFlows[0].months).toHaveLength(12);
    expect(budget.cashFlows[0].months.slice(0, 3).map((m: { closing: number }) => m.closing)).toEqual([
      20000, 10000, 50000,
    ]);
    expect(budget.debtTotals).toEqual({ balance: 1100000, monthlyPayment: 45000, arrears: 60000 });
    const wrongSheet = await worker.post(`/api/cases/${caseId}/budget/cash-flows`, {
      startMonth: '2026-04',
      openingBalance: 0,
      baseSheetId: '00000000-0000-4000-8000-000000000000',
      events: [],
    });
    expect(wrongSheet.json()).toMatchObject({ field: 'baseSheetId' });
  });
});

describe('drafts are their author’s alone', () => {
  it('saves, loads and discards a draft; a colleague cannot read it, even the chief', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { caseId } = await caseAt(worker, 'in_support');
    const key = `case:${caseId}:notes`;
    const saved = await worker.request({
      method: 'PUT',
      url: `/api/drafts/${key}`,
      payload: { payload: { content: '書きかけ' } },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await worker.get(`/api/drafts/${key}`)).json().draft).toMatchObject({ payload: { content: '書きかけ' } });
    const chief = await signIn(t.app, t.w, 'chief');
    expect((await chief.get(`/api/drafts/${key}`)).json()).toEqual({ draft: null });
    const worker2 = await signIn(t.app, t.w, 'worker2');
    expect((await worker2.get(`/api/drafts/${key}`)).statusCode).toBe(404);
    expect((await worker.request({ method: 'DELETE', url: `/api/drafts/${key}` })).statusCode).toBe(200);
    expect((await worker.get(`/api/drafts/${key}`)).json()).toEqual({ draft: null });
    expect((await worker.get('/api/drafts/case:not-a-uuid:notes')).statusCode).toBe(400);
    const registration = await worker.request({
      method: 'PUT',
      url: '/api/drafts/new:register',
      payload: { payload: { familyName: '見本' } },
    });
    expect(registration.statusCode, registration.body).toBe(200);
  });
});

describe('another case for the same person', () => {
  it('opens a household-budget case next to the self-reliance one, but not a second open one of the same program', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { consulteeId } = await caseAt(worker, 'in_support');
    const opened = await worker.post(`/api/consultees/${consulteeId}/cases`, {
      program: 'household_budget',
      openedOn: '2026-05-01',
      leadStaffId: t.w.staff.budget?.staffId,
    });
    expect(opened.statusCode, opened.body).toBe(200);
    const again = await worker.post(`/api/consultees/${consulteeId}/cases`, { program: 'self_reliance' });
    expect(again.statusCode).toBe(409);
    const budget = await signIn(t.app, t.w, 'budget');
    expect((await budget.get(`/api/cases/${opened.json().caseId}`)).statusCode).toBe(200);
    const steps = stepsTo('screening', '2026-05-01');
    for (const step of steps) expect((await apply(budget, opened.json().caseId, step)).statusCode).toBe(200);
  });
});
