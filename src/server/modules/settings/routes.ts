// Sign-in and session settings of the tenant (SEC-4), for the system administrator.

import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { responses } from '../../http/schemas.js';
import { Settings } from './schema.js';
import { readSettings, updateSettings } from './service.js';

export default async function settingsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const config = { access: { permission: 'tenant.settings' as const } };

  r.get(
    '/api/admin/settings',
    {
      config,
      schema: { tags: ['admin'], summary: 'ログインとセッションの設定', response: responses({ 200: Settings }) },
    },
    async (req) => req.data.run(readSettings),
  );

  r.put(
    '/api/admin/settings',
    {
      config,
      schema: {
        tags: ['admin'],
        summary: 'ログインとセッションの設定の変更',
        body: Settings,
        response: responses({ 200: Settings }),
      },
    },
    async (req) => req.data.run((work) => updateSettings(work, req.body)),
  );
}
