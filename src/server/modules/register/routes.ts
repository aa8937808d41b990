// The register of operations handling personal information (PUR-5, RET-4): read by
// staff who need it ('privacy.reference'), kept by the privacy protection manager
// ('privacy.manage'). It describes operations, not persons: no consultee's data.

import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Binary, sendFile } from '../../http/download.js';
import { responses } from '../../http/schemas.js';
import { printRegister } from './print.js';
import {
  EntryIdParams,
  RegisterAbolishBody,
  RegisterChangeBody,
  RegisterEntryDetail,
  RegisterList,
  RegisterListQuery,
  RegisterPrintQuery,
  RegisterStartBody,
} from './schema.js';
import { abolishEntry, changeEntry, listRegister, registerEntry, startEntry, today } from './service.js';

const tags = ['privacy'];

export default async function registerRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const reference = { access: { permission: 'privacy.reference' as const } };
  const manage = { access: { permission: 'privacy.manage' as const } };

  r.get(
    '/api/register',
    {
      config: reference,
      schema: {
        tags,
        summary: '個人情報ファイル簿（掲載中の業務。廃止後は保存期間が終わるまで）',
        querystring: RegisterListQuery,
        response: responses({ 200: RegisterList }),
      },
    },
    async (req) =>
      req.data.run((work) => listRegister(work, { on: req.query.on, includeExpired: req.query.includeExpired })),
  );

  r.get(
    '/api/register/print',
    {
      config: reference,
      schema: {
        tags,
        summary: '個人情報ファイル簿の印刷（PDF）',
        querystring: RegisterPrintQuery,
        response: responses({ 200: Binary }),
      },
    },
    async (req, reply) => {
      const { pdf, fileName } = await req.data.run((work) =>
        printRegister(work, {
          on: req.query.on ?? today(),
          includeUnpublished: req.query.includeUnpublished ?? false,
        }),
      );
      return sendFile(reply, { content: pdf, mediaType: 'application/pdf', fileName });
    },
  );

  r.get(
    '/api/register/:entryId',
    {
      config: reference,
      schema: {
        tags,
        summary: '登録簿の業務とその履歴（開始・変更・廃止）',
        params: EntryIdParams,
        response: responses({ 200: RegisterEntryDetail }),
      },
    },
    async (req) => req.data.run((work) => registerEntry(work, req.params.entryId)),
  );

  r.post(
    '/api/register',
    {
      config: manage,
      schema: {
        tags,
        summary: '業務の開始の届出（登録簿への記載）',
        body: RegisterStartBody,
        response: responses({ 200: RegisterEntryDetail }),
      },
    },
    async (req) => req.data.run((work) => startEntry(work, req.body)),
  );

  r.post(
    '/api/register/:entryId/versions',
    {
      config: manage,
      schema: {
        tags,
        summary: '業務の変更の届出（変更後の内容と理由）',
        params: EntryIdParams,
        body: RegisterChangeBody,
        response: responses({ 200: RegisterEntryDetail }),
      },
    },
    async (req) => req.data.run((work) => changeEntry(work, req.params.entryId, req.body)),
  );

  r.post(
    '/api/register/:entryId/abolition',
    {
      config: manage,
      schema: {
        tags,
        summary: '業務の廃止の届出（保存期間が終わるまで掲載を続けます）',
        params: EntryIdParams,
        body: RegisterAbolishBody,
        response: responses({ 200: RegisterEntryDetail }),
      },
    },
    async (req) => req.data.run((work) => abolishEntry(work, req.params.entryId, req.body)),
  );
}
