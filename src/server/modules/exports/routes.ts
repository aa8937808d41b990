// The export log and the second person's approval of a list of several persons (PRV-7).

import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Binary, sendFile } from '../../http/download.js';
import { responses } from '../../http/schemas.js';
import {
  ExportDecisionBody,
  ExportDecisionResult,
  ExportLog,
  ExportParams,
  ListExportBody,
  ListExportResult,
} from './schema.js';
import { decideExport, listExports, makeListExport, requestListExport } from './service.js';

const tags = ['exports'];
const exporting = { access: { permission: 'consultee.read' as const, purpose: 'consultation_support' as const } };

export default async function exportRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/exports',
    {
      config: exporting,
      schema: { tags, summary: '書き出し（持出し）の記録と承認待ち', response: responses({ 200: ExportLog }) },
    },
    async (req) => req.data.run((work) => listExports(work)),
  );

  r.post(
    '/api/exports/consultee-list',
    {
      config: exporting,
      schema: {
        tags,
        summary: '相談者一覧の書き出しを求める（2人以上は別の職員の承認が必要）',
        body: ListExportBody,
        response: responses({ 200: ListExportResult }),
      },
    },
    async (req) => req.data.run((work) => requestListExport(work, req.body)),
  );

  r.post(
    '/api/exports/:exportId/decision',
    {
      config: { access: { permission: 'export.approve' as const } },
      schema: {
        tags,
        summary: '書き出しの承認・不承認',
        params: ExportParams,
        body: ExportDecisionBody,
        response: responses({ 200: ExportDecisionResult }),
      },
    },
    async (req) => req.data.run((work) => decideExport(work, req.params.exportId, req.body)),
  );

  r.get(
    '/api/exports/:exportId/file',
    {
      config: exporting,
      schema: {
        tags,
        summary: '承認された書き出しのファイル（1回限り）',
        params: ExportParams,
        response: responses({ 200: Binary }),
      },
    },
    async (req, reply) => sendFile(reply, await req.data.run((work) => makeListExport(work, req.params.exportId))),
  );
}
