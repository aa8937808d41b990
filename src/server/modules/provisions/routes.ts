// Provision to related agencies (PRV-1..5): check, provide, the manager's approval
// of a provision resting on a ground, sending once approved, and the records.

import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { responses, Uuid } from '../../http/schemas.js';
import {
  AwaitingList,
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
}
