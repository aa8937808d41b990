// What the agency publishes (DSR-1, PUB-1): the profile, read with
// 'privacy.reference' and kept by the privacy protection manager; and the public
// page itself, which anyone may read without signing in once it is published.

import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { responses } from '../../http/schemas.js';
import { PublicPage, PublicProfileBody, PublicProfileResponse, TenantCodeParams } from './schema.js';
import { getPublicProfile, publicPage, savePublicProfile } from './service.js';

const tags = ['privacy'];

export default async function publicProfileRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.ctx;

  r.get(
    '/api/public-profile',
    {
      config: { access: { permission: 'privacy.reference' } },
      schema: {
        tags,
        summary: '公表事項（名称・住所・代表者、開示等の手続と手数料、安全管理措置、苦情の申出先）',
        response: responses({ 200: PublicProfileResponse }),
      },
    },
    async (req) => req.data.run(getPublicProfile),
  );

  r.put(
    '/api/public-profile',
    {
      config: { access: { permission: 'privacy.manage' } },
      schema: {
        tags,
        summary: '公表事項の変更と公表',
        body: PublicProfileBody,
        response: responses({ 200: PublicProfileResponse }),
      },
    },
    async (req) => req.data.run((work) => savePublicProfile(work, req.body)),
  );

  r.get(
    '/api/public/:tenantCode',
    {
      config: {
        access: {
          public: true,
          reason: '本人が容易に知り得る状態に置く公表事項（事業者の情報のみ。相談者・職員の情報は含まない）',
        },
        // Unauthenticated, and answering 404 for unknown codes: limited like sign-in, so codes cannot be probed quickly.
        rateLimit: { max: ctx.signInRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['public'],
        summary: '公表事項（ログイン不要）',
        security: [],
        params: TenantCodeParams,
        response: responses({ 200: PublicPage }),
      },
    },
    async (req, reply) => {
      const page = await publicPage(ctx.db, req.params.tenantCode);
      // Public, but read fresh: a change or an end of joint use must show at once.
      reply.header('cache-control', 'no-cache');
      return page;
    },
  );
}
