// Provision to related agencies (PRV-1..5): check, provide, the manager's approval
// of a provision resting on a ground, sending once approved, and the records.

import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Binary, sendFile } from '../../http/download.js';
import { responses, Uuid } from '../../http/schemas.js';
import { provisionDocument } from './print.js';
import { liftStop, listReceipts, listStops, recordReceipt, recordStop } from './receipts.js';
import {
  AwaitingList,
  Created,
  DocumentQuery,
  LiftBody,
  ReceiptBody,
  ReceiptList,
  StopBody,
  StopList,
  StopParams,
  DecisionBody,
  ProvisionBody,
  ProvisionDecisionResponse,
  ProvisionList,
  ProvisionParams,
  ProvisionResult,
} from './schema.js';
import {
  awaitingApproval,
  checkProvision,
  decideRequest,
  listProvisions,
  provide,
  provideApproved,
} from './service.js';

const tags = ['provisions'];
const ConsulteeParams = Type.Object({ consulteeId: Uuid('相談者') });
const PURPOSE = 'support_coordination' as const;
const reading = { access: { permission: 'consultee.read' as const, purpose: PURPOSE } };
const writing = { access: { permission: 'consultee.write' as const, purpose: PURPOSE } };
const approving = { access: { permission: 'provision.approve' as const, purpose: PURPOSE } };
const RECEIPT_PURPOSE = 'consultation_support' as const;
const receiving = { access: { permission: 'consultee.write' as const, purpose: RECEIPT_PURPOSE } };

export default async function provisionRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.post(
    '/api/consultees/:consulteeId/provisions/check',
    {
      config: writing,
      schema: {
        tags,
        summary: '提供できるかの確認（記録は作りません）',
        params: ConsulteeParams,
        body: ProvisionBody,
        response: responses({ 200: ProvisionDecisionResponse }),
      },
    },
    async (req) => req.data.run((work) => checkProvision(work, req.params.consulteeId, req.body)),
  );

  r.post(
    '/api/consultees/:consulteeId/provisions',
    {
      config: writing,
      schema: {
        tags,
        summary: '関係機関への提供（同意がなければ根拠と承認が必要）',
        params: ConsulteeParams,
        body: ProvisionBody,
        response: responses({ 200: ProvisionResult }),
      },
    },
    async (req) => req.data.run((work) => provide(work, req.params.consulteeId, req.body)),
  );

  r.get(
    '/api/consultees/:consulteeId/provisions',
    {
      config: reading,
      schema: { tags, summary: '提供の記録', params: ConsulteeParams, response: responses({ 200: ProvisionList }) },
    },
    async (req) => ({ items: await req.data.run((work) => listProvisions(work, req.params.consulteeId)) }),
  );

  r.post(
    '/api/consultees/:consulteeId/provisions/:provisionId/decision',
    {
      config: approving,
      schema: {
        tags,
        summary: '同意によらない提供の承認・不承認（個人情報保護管理者）',
        params: ProvisionParams,
        body: DecisionBody,
        response: responses({ 200: Type.Object({ status: Type.String() }) }),
      },
    },
    async (req) =>
      req.data.run((work) => decideRequest(work, req.params.consulteeId, req.params.provisionId, req.body)),
  );

  r.post(
    '/api/consultees/:consulteeId/provisions/:provisionId/provide',
    {
      config: writing,
      schema: {
        tags,
        summary: '承認された提供を行う',
        params: ProvisionParams,
        response: responses({ 200: ProvisionResult }),
      },
    },
    async (req) => req.data.run((work) => provideApproved(work, req.params.consulteeId, req.params.provisionId)),
  );

  r.get(
    '/api/provisions/awaiting',
    {
      config: approving,
      schema: { tags, summary: '承認を待っている提供', response: responses({ 200: AwaitingList }) },
    },
    async (req) => ({
      items: (await req.data.run((work) => awaitingApproval(work))).map(({ id, assigned: _assigned, ...rest }) => ({
        ...rest,
        consulteeId: id,
      })),
    }),
  );

  r.get(
    '/api/consultees/:consulteeId/provisions/:provisionId/document',
    {
      config: reading,
      schema: {
        tags,
        summary: '提供した内容の書類（PDF又はCSV。選んだ項目だけを含み、持出しとして記録します）',
        params: ProvisionParams,
        querystring: DocumentQuery,
        response: responses({ 200: Binary }),
      },
    },
    async (req, reply) =>
      sendFile(
        reply,
        await req.data.run((work) =>
          provisionDocument(work, req.params.consulteeId, req.params.provisionId, req.query.format ?? 'pdf'),
        ),
      ),
  );

  r.post(
    '/api/consultees/:consulteeId/receipts',
    {
      config: receiving,
      schema: {
        tags,
        summary: '第三者からの受領の記録（提供元の確認事項を含む）',
        params: ConsulteeParams,
        body: ReceiptBody,
        response: responses({ 200: Created }),
      },
    },
    async (req) => req.data.run((work) => recordReceipt(work, req.params.consulteeId, req.body)),
  );

  r.get(
    '/api/consultees/:consulteeId/receipts',
    {
      config: { access: { permission: 'consultee.read' as const, purpose: RECEIPT_PURPOSE } },
      schema: { tags, summary: '受領の記録', params: ConsulteeParams, response: responses({ 200: ReceiptList }) },
    },
    async (req) => ({ items: await req.data.run((work) => listReceipts(work, req.params.consulteeId)) }),
  );

  r.post(
    '/api/consultees/:consulteeId/stops',
    {
      config: writing,
      schema: {
        tags,
        summary: '利用停止・第三者提供の停止の記録',
        params: ConsulteeParams,
        body: StopBody,
        response: responses({ 200: Created }),
      },
    },
    async (req) => req.data.run((work) => recordStop(work, req.params.consulteeId, req.body)),
  );

  r.post(
    '/api/consultees/:consulteeId/stops/:stopId/lift',
    {
      config: writing,
      schema: {
        tags,
        summary: '停止の解除',
        params: StopParams,
        body: LiftBody,
        response: responses({ 200: Created }),
      },
    },
    async (req) => req.data.run((work) => liftStop(work, req.params.consulteeId, req.params.stopId, req.body)),
  );

  r.get(
    '/api/consultees/:consulteeId/stops',
    {
      config: reading,
      schema: { tags, summary: '利用停止・提供停止', params: ConsulteeParams, response: responses({ 200: StopList }) },
    },
    async (req) => ({ items: await req.data.run((work) => listStops(work, req.params.consulteeId)) }),
  );
}
