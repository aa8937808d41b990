// Consultees through the choke point. Issue 3 builds the full casework on this;
// here a worker lists the consultees in reach and opens one, with fields filtered
// by data class and every read in the audit trail.

import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ConsulteeRecord, ListItem } from './schema.js';
import { listInReach } from './service.js';
import { responses, Uuid } from '../../http/schemas.js';

export default async function consulteeRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/consultees',
    {
      config: { access: { permission: 'consultee.read', purpose: 'consultation_support' } },
      schema: {
        tags: ['consultees'],
        summary: '担当する相談者の一覧',
        response: responses({ 200: Type.Object({ items: Type.Array(ListItem) }) }),
      },
    },
    async (req) => ({ items: await req.data.run(listInReach) }),
  );

  r.get(
    '/api/consultees/:consulteeId',
    {
      config: { access: { permission: 'consultee.read', purpose: 'consultation_support' } },
      schema: {
        tags: ['consultees'],
        summary: '相談者の基本情報',
        params: Type.Object({ consulteeId: Uuid('相談者') }),
        response: responses({ 200: ConsulteeRecord }),
      },
    },
    async (req) => {
      const { row, withheld, basis } = await req.data.read('consultee', req.params.consulteeId);
      return { ...(row as { consulteeId: string; organizationId: string; officeId: string }), withheld, basis };
    },
  );
}
