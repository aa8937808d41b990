// Joint-use declarations (共同利用, PRV-2): read with 'privacy.reference', declared,
// changed and ended by the privacy protection manager ('privacy.manage'). What is
// shared jointly is announced here; no consultee's data passes through these routes.

import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { responses } from '../../http/schemas.js';
import {
  ChangeBody,
  ChangeCheckResponse,
  DeclarationIdParams,
  DeclareBody,
  DueNoticeList,
  EndBody,
  JointUseItem,
  JointUseList,
  NoticeBody,
  VersionParams,
} from './schema.js';
import {
  changeJointUse,
  checkChange,
  declareJointUse,
  dueNotices,
  endJointUse,
  jointUseDeclaration,
  listJointUse,
  recordNotice,
} from './service.js';

const tags = ['privacy'];

export default async function jointUseRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const reference = { access: { permission: 'privacy.reference' as const } };
  const manage = { access: { permission: 'privacy.manage' as const } };

  r.get(
    '/api/joint-use',
    {
      config: reference,
      schema: { tags, summary: '共同利用の一覧（変更の履歴と通知の状況）', response: responses({ 200: JointUseList }) },
    },
    async (req) => ({ items: await req.data.run(listJointUse) }),
  );

  r.get(
    '/api/joint-use/notices',
    {
      config: reference,
      schema: {
        tags,
        summary: '通知・公表が必要な共同利用の変更（期限を過ぎたものを含む）',
        response: responses({ 200: DueNoticeList }),
      },
    },
    async (req) => ({ items: await req.data.run(dueNotices) }),
  );

  r.get(
    '/api/joint-use/:declarationId',
    {
      config: reference,
      schema: {
        tags,
        summary: '共同利用とその変更の履歴',
        params: DeclarationIdParams,
        response: responses({ 200: JointUseItem }),
      },
    },
    async (req) => req.data.run((work) => jointUseDeclaration(work, req.params.declarationId)),
  );

  r.post(
    '/api/joint-use',
    {
      config: manage,
      schema: {
        tags,
        summary: '共同利用の公表（項目・共同して利用する者・利用目的・責任者）',
        body: DeclareBody,
        response: responses({ 200: JointUseItem }),
      },
    },
    async (req) => req.data.run((work) => declareJointUse(work, req.body)),
  );

  r.post(
    '/api/joint-use/:declarationId/versions/check',
    {
      config: manage,
      schema: {
        tags,
        summary: '共同利用の変更の確認（何が変わり、いつまでに通知が必要か。記録は作りません）',
        params: DeclarationIdParams,
        body: ChangeBody,
        response: responses({ 200: ChangeCheckResponse }),
      },
    },
    async (req) => req.data.run((work) => checkChange(work, req.params.declarationId, req.body)),
  );

  r.post(
    '/api/joint-use/:declarationId/versions',
    {
      config: manage,
      schema: {
        tags,
        summary: '共同利用の変更（利用目的・責任者の変更。項目と共同して利用する者は変更できません）',
        params: DeclarationIdParams,
        body: ChangeBody,
        response: responses({ 200: JointUseItem }),
      },
    },
    async (req) => req.data.run((work) => changeJointUse(work, req.params.declarationId, req.body)),
  );

  r.patch(
    '/api/joint-use/:declarationId/versions/:version',
    {
      config: manage,
      schema: {
        tags,
        summary: '変更の通知・公表日の記録',
        params: VersionParams,
        body: NoticeBody,
        response: responses({ 200: JointUseItem }),
      },
    },
    async (req) =>
      req.data.run((work) =>
        recordNotice(work, req.params.declarationId, Number(req.params.version), req.body.noticeOn),
      ),
  );

  r.post(
    '/api/joint-use/:declarationId/end',
    {
      config: manage,
      schema: {
        tags,
        summary: '共同利用の終了',
        params: DeclarationIdParams,
        body: EndBody,
        response: responses({ 200: JointUseItem }),
      },
    },
    async (req) => req.data.run((work) => endJointUse(work, req.params.declarationId, req.body.endedOn)),
  );
}
