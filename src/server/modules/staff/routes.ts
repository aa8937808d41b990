import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { responses } from '../../http/schemas.js';
import {
  OfficeCreateBody,
  OneTimePasswordResponse,
  OrganizationList,
  StaffCreateBody,
  StaffDirectory,
  StaffIdParams,
  StaffItem,
  StaffList,
  StaffUpdateBody,
} from './schema.js';
import {
  actOnStaff,
  createOffice,
  createStaff,
  listOrganizations,
  listStaff,
  loadManaged,
  staffDirectory,
  updateStaff,
  type StaffAction,
} from './service.js';

const manage = { access: { permission: 'staff.manage' as const } };

const ACTIONS: Record<string, { action: StaffAction; summary: string }> = {
  disable: { action: 'disable', summary: '利用停止' },
  enable: { action: 'enable', summary: '利用再開' },
  'reset-password': { action: 'reset_password', summary: 'パスワードの再発行' },
  'reset-mfa': { action: 'reset_mfa', summary: '二段階認証の解除' },
  unlock: { action: 'unlock', summary: 'ロックの解除' },
};

export default async function staffRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.ctx;

  r.get(
    '/api/staff/directory',
    {
      config: { access: { permission: 'staff.directory' } },
      schema: {
        tags: ['staff'],
        summary: '職員名簿（氏名・所属・役割）',
        response: responses({ 200: StaffDirectory }),
      },
    },
    async (req) => ({ items: await req.data.run(staffDirectory) }),
  );

  r.get(
    '/api/admin/staff',
    { config: manage, schema: { tags: ['admin'], summary: '職員の一覧', response: responses({ 200: StaffList }) } },
    async (req) => ({ items: await req.data.run((work) => listStaff(ctx, work)) }),
  );

  r.post(
    '/api/admin/staff',
    {
      config: manage,
      schema: {
        tags: ['admin'],
        summary: '職員の登録',
        body: StaffCreateBody,
        response: responses({ 200: OneTimePasswordResponse }),
      },
    },
    async (req) => req.data.run((work) => createStaff(ctx, work, req.body)),
  );

  r.get(
    '/api/admin/staff/:staffId',
    {
      config: manage,
      schema: {
        tags: ['admin'],
        summary: '職員の詳細',
        params: StaffIdParams,
        response: responses({ 200: StaffItem }),
      },
    },
    async (req) => req.data.run((work) => loadManaged(ctx, work, req.params.staffId)),
  );

  r.patch(
    '/api/admin/staff/:staffId',
    {
      config: manage,
      schema: {
        tags: ['admin'],
        summary: '職員の変更（役割・窓口など）',
        params: StaffIdParams,
        body: StaffUpdateBody,
        response: responses({ 200: StaffItem }),
      },
    },
    async (req) => req.data.run((work) => updateStaff(ctx, work, req.params.staffId, req.body)),
  );

  for (const [path, { action, summary }] of Object.entries(ACTIONS)) {
    r.post(
      `/api/admin/staff/:staffId/${path}`,
      {
        config: manage,
        schema: {
          tags: ['admin'],
          summary,
          params: StaffIdParams,
          response: responses({
            200: Type.Object({ staff: StaffItem, oneTimePassword: Type.Optional(Type.String()) }),
          }),
        },
      },
      async (req) => req.data.run((work) => actOnStaff(ctx, work, req.params.staffId, action)),
    );
  }

  r.get(
    '/api/admin/organizations',
    {
      config: manage,
      schema: { tags: ['admin'], summary: '組織と窓口の一覧', response: responses({ 200: OrganizationList }) },
    },
    async (req) => ({ items: await req.data.run((work) => listOrganizations(work)) }),
  );

  r.post(
    '/api/admin/offices',
    {
      config: manage,
      schema: {
        tags: ['admin'],
        summary: '窓口の追加',
        body: OfficeCreateBody,
        response: responses({ 200: Type.Object({ officeId: Type.String(), name: Type.String() }) }),
      },
    },
    async (req) => req.data.run((work) => createOffice(work, req.body.organizationId, req.body.name)),
  );
}
