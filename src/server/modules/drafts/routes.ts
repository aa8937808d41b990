// Drafts of forms being typed (autosave): their author's alone.

import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Ok, responses } from '../../http/schemas.js';
import { DRAFT_KEY, discardDraft, loadDraft, saveDraft } from './service.js';

const tags = ['drafts'];
const params = Type.Object({ draftKey: Type.String({ title: '下書きの識別子', pattern: DRAFT_KEY, maxLength: 120 }) });
const read = { access: { permission: 'consultee.read' as const, purpose: 'consultation_support' as const } };
const write = { access: { permission: 'consultee.write' as const, purpose: 'consultation_support' as const } };

export default async function draftRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/drafts/:draftKey',
    {
      config: read,
      schema: {
        tags,
        summary: '下書きの読み込み',
        params,
        response: responses({
          200: Type.Object({
            draft: Type.Union([Type.Object({ payload: Type.Unknown(), updatedAt: Type.String() }), Type.Null()]),
          }),
        }),
      },
    },
    async (req) => ({ draft: await req.data.run((work) => loadDraft(work, req.params.draftKey)) }),
  );

  r.put(
    '/api/drafts/:draftKey',
    {
      config: write,
      bodyLimit: 256 * 1024,
      schema: {
        tags,
        summary: '下書きの保存（自動保存）',
        params,
        body: Type.Object(
          { payload: Type.Record(Type.String(), Type.Unknown(), { title: '入力途中の内容' }) },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ updatedAt: Type.String() }) }),
      },
    },
    async (req) => ({
      updatedAt: await req.data.run((work) => saveDraft(work, req.params.draftKey, req.body.payload)),
    }),
  );

  r.delete(
    '/api/drafts/:draftKey',
    {
      config: write,
      schema: { tags, summary: '下書きの破棄', params, response: responses({ 200: Ok }) },
    },
    async (req) => {
      await req.data.run((work) => discardDraft(work, req.params.draftKey));
      return { ok: true as const };
    },
  );
}
