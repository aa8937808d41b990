// Consultees (BIZ-6) through the choke point: registration with the first case,
// search, the record, household, profile items, consent and approvals, history.

import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Ok, responses, Uuid } from '../../http/schemas.js';
import { Binary, sendFile } from '../../http/download.js';
import { printConsentForm } from './print.js';
import {
  ApprovalBody,
  BasicUpdateBody,
  ConsentBody,
  ConsulteeDetail,
  ConsulteeParams,
  Created,
  DocumentBody,
  HistoryResponse,
  HouseholdMemberBody,
  ProfileItemBody,
  RegisterBody,
  RegisterResponse,
  SearchQuery,
  SearchResult,
  WithdrawBody,
} from './schema.js';
import {
  addHouseholdMember,
  consulteeDetail,
  consulteeHistory,
  recordProfileItem,
  registerConsultee,
  removeHouseholdMember,
  searchConsultees,
  updateBasic,
  updateHouseholdMember,
} from './service.js';
import { fetchDocument, recordApproval, recordConsent, storeDocument, withdrawConsent } from './consents.js';

const read = { access: { permission: 'consultee.read' as const, purpose: 'consultation_support' as const } };
const write = { access: { permission: 'consultee.write' as const, purpose: 'consultation_support' as const } };
const tags = ['consultees'];

export default async function consulteeRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/consultees',
    {
      config: read,
      schema: {
        tags,
        summary: '相談者の検索（氏名・カナ・生年月日・電話番号）',
        querystring: SearchQuery,
        response: responses({ 200: SearchResult }),
      },
    },
    async (req) => ({ items: await req.data.run((work) => searchConsultees(work, req.query)) }),
  );

  r.post(
    '/api/consultees',
    {
      config: write,
      schema: {
        tags,
        summary: '相談者の登録（最初のケースを開く）',
        body: RegisterBody,
        response: responses({ 200: RegisterResponse }),
      },
    },
    async (req) => req.data.run((work) => registerConsultee(work, req.body)),
  );

  r.get(
    '/api/consultees/:consulteeId',
    {
      config: read,
      schema: {
        tags,
        summary: '相談者の情報（基本情報・世帯・状況・同意・ケース）',
        params: ConsulteeParams,
        response: responses({ 200: ConsulteeDetail }),
      },
    },
    async (req) => req.data.run((work) => consulteeDetail(work, req.params.consulteeId)),
  );

  r.get(
    '/api/consultees/:consulteeId/basic',
    {
      config: read,
      schema: {
        tags,
        summary: '相談者の基本情報',
        params: ConsulteeParams,
        response: responses({
          200: Type.Object({
            consultee: Type.Record(Type.String(), Type.Unknown()),
            withheld: Type.Array(Type.String()),
            basis: Type.String(),
          }),
        }),
      },
    },
    async (req) => {
      const { row, withheld, basis } = await req.data.read('consultee', req.params.consulteeId);
      return { consultee: row, withheld, basis };
    },
  );

  r.patch(
    '/api/consultees/:consulteeId',
    {
      config: write,
      schema: {
        tags,
        summary: '基本情報の変更',
        params: ConsulteeParams,
        body: BasicUpdateBody,
        response: responses({ 200: Ok }),
      },
    },
    async (req) => {
      await req.data.run((work) => updateBasic(work, req.params.consulteeId, req.body));
      return { ok: true as const };
    },
  );

  const memberParams = Type.Object({ consulteeId: Uuid('相談者'), memberId: Uuid('世帯員') });

  r.post(
    '/api/consultees/:consulteeId/household',
    {
      config: write,
      schema: {
        tags,
        summary: '世帯員の追加',
        params: ConsulteeParams,
        body: HouseholdMemberBody,
        response: responses({ 200: Created }),
      },
    },
    async (req) => ({ id: await req.data.run((work) => addHouseholdMember(work, req.params.consulteeId, req.body)) }),
  );

  r.put(
    '/api/consultees/:consulteeId/household/:memberId',
    {
      config: write,
      schema: {
        tags,
        summary: '世帯員の変更',
        params: memberParams,
        body: HouseholdMemberBody,
        response: responses({ 200: Ok }),
      },
    },
    async (req) => {
      await req.data.run((work) => updateHouseholdMember(work, req.params.consulteeId, req.params.memberId, req.body));
      return { ok: true as const };
    },
  );

  r.post(
    '/api/consultees/:consulteeId/household/:memberId/remove',
    {
      config: write,
      schema: { tags, summary: '世帯員を世帯から外す', params: memberParams, response: responses({ 200: Ok }) },
    },
    async (req) => {
      await req.data.run((work) => removeHouseholdMember(work, req.params.consulteeId, req.params.memberId));
      return { ok: true as const };
    },
  );

  r.put(
    '/api/consultees/:consulteeId/profile/:itemKey',
    {
      config: write,
      schema: {
        tags,
        summary: '相談者の状況（健康・就労・経済・制度利用・生活歴）の記録',
        params: Type.Object({
          consulteeId: Uuid('相談者'),
          itemKey: Type.String({ title: '項目', pattern: '^[a-z_]{2,40}$' }),
        }),
        body: ProfileItemBody,
        response: responses({ 200: Ok }),
      },
    },
    async (req) => {
      await req.data.run((work) => recordProfileItem(work, req.params.consulteeId, req.params.itemKey, req.body));
      return { ok: true as const };
    },
  );

  r.post(
    '/api/consultees/:consulteeId/consents',
    {
      config: write,
      schema: {
        tags,
        summary: '同意の記録（置き換えを含む）',
        params: ConsulteeParams,
        body: ConsentBody,
        response: responses({ 200: Created }),
      },
    },
    async (req) => ({ id: await req.data.run((work) => recordConsent(work, req.params.consulteeId, req.body)) }),
  );

  r.post(
    '/api/consultees/:consulteeId/consents/:consentId/withdraw',
    {
      config: write,
      schema: {
        tags,
        summary: '同意の撤回',
        params: Type.Object({ consulteeId: Uuid('相談者'), consentId: Uuid('同意') }),
        body: WithdrawBody,
        response: responses({ 200: Ok }),
      },
    },
    async (req) => {
      await req.data.run((work) =>
        withdrawConsent(
          work,
          req.params.consulteeId,
          req.params.consentId,
          req.body.withdrawnOn,
          req.body.reason ?? null,
        ),
      );
      return { ok: true as const };
    },
  );

  r.post(
    '/api/consultees/:consulteeId/documents',
    {
      config: write,
      bodyLimit: 15 * 1024 * 1024,
      schema: {
        tags,
        summary: '署名された同意書の写しの登録',
        params: ConsulteeParams,
        body: DocumentBody,
        response: responses({ 200: Created }),
      },
    },
    async (req) => ({ id: await req.data.run((work) => storeDocument(work, req.params.consulteeId, req.body)) }),
  );

  r.get(
    '/api/consultees/:consulteeId/documents/:documentId',
    {
      config: read,
      schema: {
        tags,
        summary: '同意書の写しの表示',
        params: Type.Object({ consulteeId: Uuid('相談者'), documentId: Uuid('書類') }),
        response: responses({ 200: Binary }),
      },
    },
    async (req, reply) =>
      sendFile(reply, await req.data.run((work) => fetchDocument(work, req.params.consulteeId, req.params.documentId))),
  );

  r.get(
    '/api/consultees/:consulteeId/print/consent-form',
    {
      config: read,
      schema: {
        tags,
        summary: '同意書（署名用）の印刷',
        params: ConsulteeParams,
        response: responses({ 200: Binary }),
      },
    },
    async (req, reply) => {
      const { pdf, fileName } = await req.data.run((work) => printConsentForm(work, req.params.consulteeId));
      return sendFile(reply, { content: pdf, mediaType: 'application/pdf', fileName });
    },
  );

  r.post(
    '/api/consultees/:consulteeId/approvals',
    {
      config: write,
      schema: {
        tags,
        summary: '委託元（自治体）の承認の記録',
        params: ConsulteeParams,
        body: ApprovalBody,
        response: responses({ 200: Created }),
      },
    },
    async (req) => ({ id: await req.data.run((work) => recordApproval(work, req.params.consulteeId, req.body)) }),
  );

  r.get(
    '/api/consultees/:consulteeId/history',
    {
      config: read,
      schema: {
        tags,
        summary: '相談者の記録の変更履歴',
        params: ConsulteeParams,
        response: responses({ 200: HistoryResponse }),
      },
    },
    async (req) => ({ items: await req.data.run((work) => consulteeHistory(work, req.params.consulteeId)) }),
  );
}
