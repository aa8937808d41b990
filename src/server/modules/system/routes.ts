// Health, the OpenAPI document, and the web app's files.

import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import fastifyStatic from '@fastify/static';
import { Type } from 'typebox';
import { databaseHealth } from './service.js';

const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  database: Type.Object({
    state: Type.Union([Type.Literal('ok'), Type.Literal('unavailable'), Type.Literal('schema_outdated')]),
    latencyMs: Type.Union([Type.Number(), Type.Null()]),
    schema: Type.Union([Type.String(), Type.Null()]),
  }),
});

export async function systemRoutes(app: FastifyInstance, options: { webRoot: string | null }): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/health',
    {
      config: { access: { public: true, reason: '監視のための死活確認（個人情報なし）' }, rateLimit: false },
      schema: { tags: ['system'], summary: '稼働状況', response: { 200: Health, 503: Health } },
    },
    async (_req, reply) => {
      const database = await databaseHealth(app.ctx.db);
      const ok = database.state === 'ok';
      return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', database });
    },
  );

  r.get(
    '/api/openapi.json',
    {
      config: { access: { public: true, reason: 'APIの仕様書（個人情報なし）' } },
      schema: { hide: true },
    },
    async () => app.swagger(),
  );

  const root = options.webRoot;
  if (root && existsSync(path.join(root, 'index.html'))) {
    await app.register(fastifyStatic, { root, serve: false, index: false });
    app.get(
      '/*',
      { config: { access: { public: true, reason: '画面のファイル（個人情報なし）' } }, schema: { hide: true } },
      async (req, reply) => {
        const wanted = (req.params as { '*': string })['*'];
        if (wanted.startsWith('api/')) return reply.code(404).send({ code: 'not_found', message: '見つかりません' });
        if (wanted.startsWith('assets/') && existsSync(path.join(root, wanted))) {
          return reply.header('cache-control', 'public, max-age=31536000, immutable').sendFile(wanted);
        }
        // Every other path is a screen of the single-page app.
        return reply.header('cache-control', 'no-store').sendFile('index.html');
      },
    );
  } else {
    app.get(
      '/*',
      { config: { access: { public: true, reason: '画面が未ビルドである旨の案内' } }, schema: { hide: true } },
      async (req, reply) => {
        if (req.url.startsWith('/api/')) return reply.code(404).send({ code: 'not_found', message: '見つかりません' });
        return reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .send('画面がまだビルドされていません。npm run build:web を実行してください。');
      },
    );
  }
}
