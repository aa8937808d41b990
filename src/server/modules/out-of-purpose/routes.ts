// Use or provision outside the purposes (目的外利用・提供, PUR-3, PUR-6, PRV-6): the
// worker files and may withdraw; the privacy protection manager takes the request
// through the counter's opinion, the council's referral and answer, attached
// opinions and the head's decision. All for support and coordination with related
// agencies, the purpose the person's data is reached for here.

import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { responses } from '../../http/schemas.js';
import {
  ConsulteeParams,
  CouncilAnswerBody,
  CouncilReferralBody,
  CounterOpinionBody,
  DecisionBody,
  OpinionBody,
  QueueList,
  QueueQuery,
  RequestBody,
  RequestDetail,
  RequestItem,
  RequestList,
  RequestParams,
} from './schema.js';
import {
  attachOpinion,
  fileRequest,
  listRequests,
  queue,
  readRequest,
  recordCouncilAnswer,
  recordCouncilReferral,
  recordCounterOpinion,
  recordDecision,
  withdrawRequest,
} from './service.js';

const tags = ['out-of-purpose'];
const PURPOSE = 'support_coordination' as const;
const reading = { access: { permission: 'consultee.read' as const, purpose: PURPOSE } };
const writing = { access: { permission: 'consultee.write' as const, purpose: PURPOSE } };
const counter = { access: { permission: 'provision.approve' as const, purpose: PURPOSE } };

export default async function outOfPurposeRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const base = '/api/consultees/:consulteeId/out-of-purpose';

  r.post(
    base,
    {
      config: writing,
      schema: {
        tags,
        summary: '目的外利用・提供の申請（本人の同意又は法令に定める根拠が必要）',
        params: ConsulteeParams,
        body: RequestBody,
        response: responses({ 200: RequestItem }),
      },
    },
    async (req) => req.data.run((work) => fileRequest(work, req.params.consulteeId, req.body)),
  );

  r.get(
    base,
    {
      config: reading,
      schema: {
        tags,
        summary: '相談者の目的外利用・提供の申請と経過',
        params: ConsulteeParams,
        response: responses({ 200: RequestList }),
      },
    },
    async (req) => ({ items: await req.data.run((work) => listRequests(work, req.params.consulteeId)) }),
  );

  r.get(
    `${base}/:requestId`,
    {
      config: reading,
      schema: {
        tags,
        summary: '目的外利用・提供の申請（1件）と経過',
        params: RequestParams,
        response: responses({ 200: RequestDetail }),
      },
    },
    async (req) => req.data.run((work) => readRequest(work, req.params.consulteeId, req.params.requestId)),
  );

  r.post(
    `${base}/:requestId/withdraw`,
    {
      config: writing,
      schema: {
        tags,
        summary: '申請の取下げ（申請した職員）',
        params: RequestParams,
        response: responses({ 200: RequestDetail }),
      },
    },
    async (req) => req.data.run((work) => withdrawRequest(work, req.params.consulteeId, req.params.requestId)),
  );

  r.post(
    `${base}/:requestId/counter-opinion`,
    {
      config: counter,
      schema: {
        tags,
        summary: '窓口の意見と審議会への諮問の要否（個人情報保護管理者）',
        params: RequestParams,
        body: CounterOpinionBody,
        response: responses({ 200: RequestDetail }),
      },
    },
    async (req) =>
      req.data.run((work) => recordCounterOpinion(work, req.params.consulteeId, req.params.requestId, req.body)),
  );

  r.post(
    `${base}/:requestId/council-referral`,
    {
      config: counter,
      schema: {
        tags,
        summary: '審議会への諮問の記録',
        params: RequestParams,
        body: CouncilReferralBody,
        response: responses({ 200: RequestDetail }),
      },
    },
    async (req) =>
      req.data.run((work) => recordCouncilReferral(work, req.params.consulteeId, req.params.requestId, req.body)),
  );

  r.post(
    `${base}/:requestId/council-answer`,
    {
      config: counter,
      schema: {
        tags,
        summary: '審議会の答申の記録',
        params: RequestParams,
        body: CouncilAnswerBody,
        response: responses({ 200: RequestDetail }),
      },
    },
    async (req) =>
      req.data.run((work) => recordCouncilAnswer(work, req.params.consulteeId, req.params.requestId, req.body)),
  );

  r.post(
    `${base}/:requestId/opinions`,
    {
      config: counter,
      schema: {
        tags,
        summary: '意見書（附帯意見等）の添付',
        params: RequestParams,
        body: OpinionBody,
        response: responses({ 200: RequestDetail }),
      },
    },
    async (req) => req.data.run((work) => attachOpinion(work, req.params.consulteeId, req.params.requestId, req.body)),
  );

  r.post(
    `${base}/:requestId/decision`,
    {
      config: counter,
      schema: {
        tags,
        summary: '実施機関の長の決定の記録（申請者以外）',
        params: RequestParams,
        body: DecisionBody,
        response: responses({ 200: RequestDetail }),
      },
    },
    async (req) => req.data.run((work) => recordDecision(work, req.params.consulteeId, req.params.requestId, req.body)),
  );

  r.get(
    '/api/out-of-purpose',
    {
      config: counter,
      schema: {
        tags,
        summary: '目的外利用・提供の申請の一覧（個人情報保護管理者）',
        querystring: QueueQuery,
        response: responses({ 200: QueueList }),
      },
    },
    async (req) => ({ items: await req.data.run((work) => queue(work, req.query.state ?? 'open')) }),
  );
}
