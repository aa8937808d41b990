// The tenant's purposes of use (PUR-1) and their changes (PUR-2). No consultee's
// data: reading needs 'privacy.reference', a change 'privacy.manage' (the privacy
// protection manager).

import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { responses } from '../../http/schemas.js';
import { PurposeChangeBody, PurposeChangeResponse, PurposeCodeParams, PurposeList } from './schema.js';
import { changePurpose, listPurposes } from './service.js';

export default async function purposeRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/purposes',
    {
      config: { access: { permission: 'privacy.reference' } },
      schema: {
        tags: ['privacy'],
        summary: '利用目的の一覧（現在の文言と変更の履歴）',
        response: responses({ 200: PurposeList }),
      },
    },
    async (req) => ({ items: await req.data.run(listPurposes) }),
  );

  r.post(
    '/api/purposes/:purposeCode/versions',
    {
      config: { access: { permission: 'privacy.manage' } },
      schema: {
        tags: ['privacy'],
        summary: '利用目的の変更（関連性を有する範囲内に限る）と変更のお知らせ',
        params: PurposeCodeParams,
        body: PurposeChangeBody,
        response: responses({ 200: PurposeChangeResponse }),
      },
    },
    async (req) => req.data.run((work) => changePurpose(work, req.params.purposeCode, req.body)),
  );
}
