// The audit viewer (SEC-4: access records reviewable to prevent leaks). The
// privacy protection manager filters by staff, person, date, action and outcome;
// reading a consultee's records without being assigned to the case stands out.

import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { responses } from '../../http/schemas.js';
import { EventPage, Query } from './schema.js';
import { searchEvents } from './service.js';

export default async function auditRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get(
    '/api/audit/events',
    {
      config: { access: { permission: 'audit.read', purpose: 'access_audit' } },
      schema: {
        tags: ['audit'],
        summary: 'アクセス記録の検索',
        querystring: Query,
        response: responses({ 200: EventPage }),
      },
    },
    async (req) => req.data.run((work) => searchEvents(work, req.query)),
  );
}
