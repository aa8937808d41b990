// 関係機関・関係者 (CON-4): read by staff who need it ('privacy.reference'), kept by
// the privacy protection manager ('privacy.manage'). No consultee's data here.

import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { responses } from '../../http/schemas.js';
import { AgencyBody, AgencyIdParams, AgencyItem, AgencyList, AgencyListQuery, AgencyRetireBody } from './schema.js';
import { createAgency, listAgencies, retireAgency, updateAgency } from './service.js';

export default async function agencyRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const manage = { access: { permission: 'privacy.manage' as const } };

  r.get(
    '/api/agencies',
    {
      config: { access: { permission: 'privacy.reference' } },
      schema: {
        tags: ['privacy'],
        summary: '関係機関・関係者の一覧',
        querystring: AgencyListQuery,
        response: responses({ 200: AgencyList }),
      },
    },
    async (req) => ({ items: await req.data.run((work) => listAgencies(work, req.query.includeRetired ?? false)) }),
  );

  r.post(
    '/api/agencies',
    {
      config: manage,
      schema: {
        tags: ['privacy'],
        summary: '関係機関・関係者の登録',
        body: AgencyBody,
        response: responses({ 200: AgencyItem }),
      },
    },
    async (req) => req.data.run((work) => createAgency(work, req.body)),
  );

  r.put(
    '/api/agencies/:agencyId',
    {
      config: manage,
      schema: {
        tags: ['privacy'],
        summary: '関係機関・関係者の変更',
        params: AgencyIdParams,
        body: AgencyBody,
        response: responses({ 200: AgencyItem }),
      },
    },
    async (req) => req.data.run((work) => updateAgency(work, req.params.agencyId, req.body)),
  );

  r.post(
    '/api/agencies/:agencyId/retire',
    {
      config: manage,
      schema: {
        tags: ['privacy'],
        summary: '関係機関・関係者の廃止（削除はしない）',
        params: AgencyIdParams,
        body: AgencyRetireBody,
        response: responses({ 200: AgencyItem }),
      },
    },
    async (req) => req.data.run((work) => retireAgency(work, req.params.agencyId, req.body.retiredOn)),
  );
}
