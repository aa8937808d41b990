// Cases (BIZ-1, BIZ-2, BIZ-4): the record, the flow, assignment, and every form.
// Each form's routes are made from FORMS (where it lives, the purpose of use the
// route declares, PUR-1) and its body schema.

import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { TSchema } from 'typebox';
import type { PurposeCode } from '../../core/purposes.js';
import { Type } from 'typebox';
import { Ok, responses, StringEnum, Uuid } from '../../http/schemas.js';
import { Binary, sendFile } from '../../http/download.js';
import { PRINTABLE_FORMS, printCaseForm } from './print.js';
import { ConsulteeParams, Created, HistoryResponse } from '../consultees/schema.js';
import {
  ApplicationBody,
  ArrearBody,
  AssessmentBody,
  BudgetPlanBody,
  BudgetSheetBody,
  CaseCreated,
  CaseDetail,
  CaseParams,
  CashFlowBody,
  DashboardResponse,
  ClosureBody,
  DebtBody,
  DecisionBody,
  EvaluationBody,
  IntakeBody,
  MeetingBody,
  NoteBody,
  OpenCaseBody,
  PlanBody,
  RecordParams,
  ScreeningBody,
  TransitionBody,
  TransitionResult,
  WorkersBody,
} from './schema.js';
import {
  assignWorkers,
  caseDetail,
  caseHistory,
  moveCase,
  openCase,
  recordScreening,
  saveForm,
  updateForm,
  FORMS,
  type FormName,
  type FormSpec,
} from './service.js';
import { dashboard } from './dashboard.js';

const tags = ['cases'];
const reading = (purpose: PurposeCode) => ({ access: { permission: 'consultee.read' as const, purpose } });
const writing = (purpose: PurposeCode) => ({ access: { permission: 'consultee.write' as const, purpose } });

/** The body each form of a case is written with (where and for which purpose: FORMS). */
const FORM_BODIES: Readonly<Record<FormName, TSchema>> = {
  intake: IntakeBody,
  assessment: AssessmentBody,
  plans: PlanBody,
  meetings: MeetingBody,
  decisions: DecisionBody,
  applications: ApplicationBody,
  notes: NoteBody,
  evaluations: EvaluationBody,
  closure: ClosureBody,
  budgetSheets: BudgetSheetBody,
  cashFlows: CashFlowBody,
  debts: DebtBody,
  arrears: ArrearBody,
  budgetPlans: BudgetPlanBody,
};

export default async function caseRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/dashboard',
    {
      config: reading('consultation_support'),
      schema: {
        tags,
        summary: '担当ケースの状況と対応が必要なケース',
        response: responses({ 200: DashboardResponse }),
      },
    },
    async (req) => req.data.run((work) => dashboard(work)),
  );

  r.get(
    '/api/cases/:caseId',
    {
      config: reading('consultation_support'),
      schema: {
        tags,
        summary: 'ケースの記録（すべての様式）',
        params: CaseParams,
        response: responses({ 200: CaseDetail }),
      },
    },
    async (req) => req.data.run((work) => caseDetail(work, req.params.caseId)),
  );

  r.get(
    '/api/cases/:caseId/history',
    {
      config: reading('consultation_support'),
      schema: {
        tags,
        summary: 'ケースの記録の変更履歴',
        params: CaseParams,
        response: responses({ 200: HistoryResponse }),
      },
    },
    async (req) => ({ items: await req.data.run((work) => caseHistory(work, req.params.caseId)) }),
  );

  r.post(
    '/api/consultees/:consulteeId/cases',
    {
      config: writing('consultation_support'),
      schema: {
        tags,
        summary: '新しいケースを開く（家計改善支援など）',
        params: ConsulteeParams,
        body: OpenCaseBody,
        response: responses({ 200: CaseCreated }),
      },
    },
    async (req) => ({ caseId: await req.data.run((work) => openCase(work, req.params.consulteeId, req.body)) }),
  );

  r.post(
    '/api/cases/:caseId/transitions',
    {
      config: writing('consultation_support'),
      schema: {
        tags,
        summary: '支援の段階を進める・中断する・再開する',
        params: CaseParams,
        body: TransitionBody,
        response: responses({ 200: TransitionResult }),
      },
    },
    async (req) => ({
      status: await req.data.run((work) =>
        moveCase(work, req.params.caseId, req.body.transition, req.body.effectiveOn, req.body.note),
      ),
    }),
  );

  r.put(
    '/api/cases/:caseId/workers',
    {
      config: writing('consultation_support'),
      schema: {
        tags,
        summary: '担当者の割当て（主任相談支援員）',
        params: CaseParams,
        body: WorkersBody,
        response: responses({ 200: Ok }),
      },
    },
    async (req) => {
      await req.data.run((work) => assignWorkers(work, req.params.caseId, req.body.leadStaffId, req.body.coStaffIds));
      return { ok: true as const };
    },
  );

  r.put(
    '/api/cases/:caseId/screening',
    {
      config: writing('consultation_support'),
      schema: {
        tags,
        summary: 'スクリーニングの結果',
        params: CaseParams,
        body: ScreeningBody,
        response: responses({ 200: Ok }),
      },
    },
    async (req) => {
      await req.data.run((work) => recordScreening(work, req.params.caseId, req.body));
      return { ok: true as const };
    },
  );

  r.get(
    '/api/cases/:caseId/print/:form',
    {
      config: reading('consultation_support'),
      schema: {
        tags,
        summary: '様式の印刷（PDF）',
        params: Type.Object({ caseId: Uuid('ケース'), form: StringEnum(PRINTABLE_FORMS, { title: '様式' }) }),
        querystring: Type.Object({ recordId: Type.Optional(Uuid('記録')) }, { additionalProperties: false }),
        response: responses({ 200: Binary }),
      },
    },
    async (req, reply) => {
      const { pdf, fileName } = await req.data.run((work) =>
        printCaseForm(work, req.params.caseId, req.params.form, req.query.recordId),
      );
      return sendFile(reply, { content: pdf, mediaType: 'application/pdf', fileName });
    },
  );

  for (const [name, spec] of Object.entries(FORMS) as [FormName, FormSpec][]) {
    const base = `/api/cases/:caseId/${spec.path}`;
    const config = writing(spec.purpose);
    const body = (req: { body: unknown }) => req.body as Record<string, unknown>;
    // A form a case has one of is written with PUT on the form itself; others are added and changed.
    if (spec.single) {
      r.put(
        base,
        {
          config,
          schema: {
            tags,
            summary: `${spec.label}（作成・変更）`,
            params: CaseParams,
            body: FORM_BODIES[name],
            response: responses({ 200: Created }),
          },
        },
        async (req) => ({ id: await req.data.run((work) => saveForm(work, req.params.caseId, name, body(req))) }),
      );
      continue;
    }
    r.post(
      base,
      {
        config,
        schema: {
          tags,
          summary: `${spec.label}（追加）`,
          params: CaseParams,
          body: FORM_BODIES[name],
          response: responses({ 200: Created }),
        },
      },
      async (req) => ({ id: await req.data.run((work) => saveForm(work, req.params.caseId, name, body(req))) }),
    );
    r.put(
      `${base}/:recordId`,
      {
        config,
        schema: {
          tags,
          summary: `${spec.label}（変更）`,
          params: RecordParams,
          body: FORM_BODIES[name],
          response: responses({ 200: Ok }),
        },
      },
      async (req) => {
        await req.data.run((work) => updateForm(work, req.params.caseId, name, req.params.recordId, body(req)));
        return { ok: true as const };
      },
    );
  }
}
