// My Number (個人番号), sealed (ACQ-4, PRV-4, RET-3; ARCHITECTURE rule 7). In this
// agency the number is needed for applications to the municipality's programs
// (住居確保給付金 and the like, which are the municipality's 個人番号利用事務), so
// every route declares that purpose. Reading whether one is held is open to those
// who may read the consultee; storing, revealing and erasing need the permission,
// the designation and a fresh code (step-up.ts). No answer of these routes may be
// stored by a browser or proxy.

import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { responses } from '../../http/schemas.js';
import {
  EraseBody,
  EraseResponse,
  MyNumberParams,
  MyNumberStatus,
  RevealBody,
  RevealResponse,
  StoreBody,
  StoreResponse,
} from './schema.js';
import { eraseMyNumber, myNumberStatus, revealMyNumber, storeMyNumber } from './service.js';

const tags = ['my-number'];
const PURPOSE = 'municipal_application' as const;
const reading = { access: { permission: 'consultee.read' as const, purpose: PURPOSE } };
const handling = { access: { permission: 'my_number.handle' as const, purpose: PURPOSE } };

export default async function myNumberRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.ctx;

  // Encapsulated in this plugin: every answer of these routes, errors included.
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('cache-control', 'no-store');
    return payload;
  });

  r.get(
    '/api/consultees/:consulteeId/my-number',
    {
      config: reading,
      schema: {
        tags,
        summary: '個人番号の記録の有無（番号は伏せ字）と、扱えるかどうか',
        params: MyNumberParams,
        response: responses({ 200: MyNumberStatus }),
      },
    },
    async (req) => req.data.run((work) => myNumberStatus(work, req.params.consulteeId)),
  );

  r.put(
    '/api/consultees/:consulteeId/my-number',
    {
      config: handling,
      schema: {
        tags,
        summary: '個人番号の記録・置換え（事務取扱担当者、確認コードの再入力が必要）',
        params: MyNumberParams,
        body: StoreBody,
        response: responses({ 200: StoreResponse }),
      },
    },
    async (req) => req.data.run((work) => storeMyNumber(ctx, work, req.params.consulteeId, req.body)),
  );

  r.post(
    '/api/consultees/:consulteeId/my-number/reveal',
    {
      config: handling,
      schema: {
        tags,
        summary: '個人番号の表示（事務取扱担当者、確認コードの再入力が必要。表示のたびに記録されます）',
        params: MyNumberParams,
        body: RevealBody,
        response: responses({ 200: RevealResponse }),
      },
    },
    async (req) => req.data.run((work) => revealMyNumber(ctx, work, req.params.consulteeId, req.body)),
  );

  r.delete(
    '/api/consultees/:consulteeId/my-number',
    {
      config: handling,
      schema: {
        tags,
        summary: '個人番号の削除（削除の記録が残ります。事務取扱担当者、確認コードの再入力が必要）',
        params: MyNumberParams,
        body: EraseBody,
        response: responses({ 200: EraseResponse }),
      },
    },
    async (req) => req.data.run((work) => eraseMyNumber(ctx, work, req.params.consulteeId, req.body)),
  );
}
