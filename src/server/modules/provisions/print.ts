// The items actually sent in a provision, as a PDF to send with the referral or
// as a CSV (PRV-3, PRV-7): only the chosen items, exactly as the provision record
// keeps them, never My Number. The file names who made it and when, and its
// making is written to the export log.

import type { Content } from 'pdfmake/interfaces.js';
import type { Work } from '../../access/data-access.js';
import { PROVISION_GROUND_LABELS, PROVISION_MODE_LABELS, type ProvisionGround } from '../../core/provision.js';
import { PURPOSE_LABELS, type PurposeCode } from '../../core/purposes.js';
import { conflict, notFound } from '../../http/errors.js';
import { fields, heading, renderPdf } from '../../print/pdf.js';
import { classesOfItems } from '../../../shared/provision-items.js';
import { formatWareki } from '../../../shared/wareki.js';
import { csvFile } from '../exports/csv.js';
import { exportFileName, logSinglePersonExport, type ExportedFile } from '../exports/service.js';
import type { SentItem } from './gather.js';

export const PROVISION_DOCUMENT_FORMATS = ['pdf', 'csv'] as const;
export type ProvisionDocumentFormat = (typeof PROVISION_DOCUMENT_FORMATS)[number];

export async function provisionDocument(
  work: Work,
  consulteeId: string,
  provisionId: string,
  format: ProvisionDocumentFormat,
): Promise<ExportedFile> {
  const exporter = await work.actorName();
  const grant = await work.authorize('consultee', 'read', [consulteeId]);
  const granted = grant.targets.get(consulteeId)?.classes ?? [];
  const row = await grant.tx
    .selectFrom('provisions as p')
    .innerJoin('organizations as o', (j) =>
      j.onRef('o.tenantId', '=', 'p.tenantId').onRef('o.organizationId', '=', 'p.organizationId'),
    )
    .leftJoin('consents as c', (j) => j.onRef('c.tenantId', '=', 'p.tenantId').onRef('c.consentId', '=', 'p.consentId'))
    .select([
      'p.provisionId',
      'p.status',
      'p.mode',
      'p.purposeCode',
      'p.recipientName',
      'p.recipientAddress',
      'p.items',
      'p.basis',
      'p.ground',
      'p.groundReason',
      'p.providedOn',
      'p.sentValues',
      'o.name as organizationName',
      'c.givenOn as consentedOn',
    ])
    .where('p.consulteeId', '=', consulteeId)
    .where('p.provisionId', '=', provisionId)
    .executeTakeFirst();
  // The items as sent may hold special-care content: only for those granted it.
  if (!row || classesOfItems(row.items).some((c) => !granted.includes(c))) throw notFound();
  if (row.status !== 'provided' || !row.sentValues || !row.providedOn) {
    throw conflict('まだ提供していないため、提供した内容の書類は作れません', 'provisionId');
  }
  const sent = row.sentValues as SentItem[];
  const now = new Date();
  const basis =
    row.basis === 'consent'
      ? `本人の同意${row.consentedOn ? `（${formatWareki(row.consentedOn)}）` : ''}`
      : row.basis === 'ground' && row.ground
        ? `${PROVISION_GROUND_LABELS[row.ground as ProvisionGround]}（${row.groundReason ?? ''}）`
        : PROVISION_MODE_LABELS[row.mode];
  const purpose = PURPOSE_LABELS[row.purposeCode as PurposeCode] ?? row.purposeCode;
  const title = '個人情報の提供について';
  let content: Buffer;
  if (format === 'csv') {
    content = csvFile({
      title,
      exporter,
      exportedAt: now,
      purpose: row.purposeCode,
      header: ['項目', '内容'],
      rows: [
        ['提供先', row.recipientName],
        ['提供日', formatWareki(row.providedOn)],
        ['提供の根拠', basis],
        ...sent.map((s) => [s.label, s.value]),
      ],
    });
  } else {
    const body: Content[] = [
      { text: `${row.recipientName}　御中`, margin: [0, 0, 0, 4] },
      { text: `${formatWareki(row.providedOn)}`, alignment: 'right' },
      { text: row.organizationName, alignment: 'right', margin: [0, 0, 0, 8] },
      {
        text: '次のとおり、ご本人の個人情報を提供します。提供の目的の範囲内で取り扱い、目的外の利用及び第三者への提供をせず、適切に管理してください。',
        margin: [0, 0, 0, 6],
      },
      heading('提供の内容'),
      fields([
        ['提供の目的', purpose],
        ['提供の根拠', basis],
        ['提供先', [row.recipientName, row.recipientAddress].filter(Boolean).join('　')],
        ['記録番号', row.provisionId.slice(0, 8)],
      ]),
      heading('提供する個人情報'),
      fields(sent.map((s) => [s.label, s.value || '（記録なし）'] as const)),
    ];
    content = await renderPdf(
      { title, organization: row.organizationName, printedBy: exporter, printedAt: now },
      `提供先：${row.recipientName}`,
      body,
    );
  }
  const file: ExportedFile = {
    fileName: exportFileName('個人情報提供書', exporter, now, format),
    content,
    mediaType: format === 'pdf' ? 'application/pdf' : 'text/csv; charset=utf-8',
  };
  return logSinglePersonExport(
    work,
    {
      kind: `provision_${format}`,
      format,
      consulteeIds: [consulteeId],
      items: row.items,
      description: `提供した内容（${row.recipientName}、${formatWareki(row.providedOn)}）`,
      parameters: { provisionId },
    },
    file,
  );
}
