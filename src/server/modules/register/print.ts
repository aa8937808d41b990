// The printed register (「個人情報ファイル簿」, PUR-5) for public inspection at the
// counter (S2 §6-2): a list of the operations, then one sheet per operation with
// what it records, for which purposes, from whom, to whom, on what media and for
// how long, and its history of start, change and abolition. An abolished operation
// is printed until its data's retention ends (RET-4). The register describes
// operations, not persons: it holds no personal data, so it is not an export of
// personal data; the print is still recorded.

import type { Content } from 'pdfmake/interfaces.js';
import type { Work } from '../../access/data-access.js';
import { REGISTER_CHANGE_LABELS, REGISTER_STATE_LABELS } from '../../core/register.js';
import { date, fields, grid, heading, renderPdf, shown } from '../../print/pdf.js';
import { formatWareki } from '../../../shared/wareki.js';
import type { RegisterEntryDetail, RegisterVersionItem } from './schema.js';
import { registerForPrint } from './service.js';

function purposes(v: RegisterVersionItem): string {
  const list = v.purposes.map((p) => `・${p}`).join('\n');
  return v.purposesNote ? `${list}\n（補足）${v.purposesNote}` : list;
}

function stateText(e: RegisterEntryDetail): string {
  if (e.state === 'abolished' && e.abolishedOn && e.keepUntil) {
    return `廃止（${formatWareki(e.abolishedOn)}廃止。保存期間が終わる${formatWareki(e.keepUntil)}まで掲載）`;
  }
  return REGISTER_STATE_LABELS[e.state];
}

function sheet(e: RegisterEntryDetail): Content[] {
  const v = e.current;
  const scheduled = e.scheduled.map(
    (s) => `${formatWareki(s.effectiveOn)}から${REGISTER_CHANGE_LABELS[s.changeKind]}（${s.changeReason ?? ''}）`,
  );
  return [
    heading(`登録番号 ${e.code}　${v.name}`),
    fields([
      ['業務の名称', v.name],
      ['担当する課・係', v.section],
      ['状態', stateText(e)],
      ['開始日', date(e.startedOn)],
      ['利用目的', purposes(v)],
      ['記録される項目', v.items],
      ['利用の方法', v.methods],
      ['収集先（記録情報の収集方法）', v.sources],
      ['提供先・提供の方法', v.recipients],
      ['記録の媒体', v.media],
      ['保存期間', v.retention],
      ['記録される者の数', shown(v.recordCount)],
      ...(scheduled.length > 0 ? ([['予定されている届出', scheduled.join('\n')]] as [string, string][]) : []),
    ]),
    { text: '届出の履歴', style: 'section' },
    grid(
      ['版', '区分', '日付', '変更・廃止の理由'],
      e.history.map((h) => [
        String(h.version),
        REGISTER_CHANGE_LABELS[h.changeKind],
        date(h.effectiveOn),
        h.changeKind === 'start' ? '―' : shown(h.changeReason),
      ]),
      [24, 40, 110, '*'],
    ),
  ];
}

export async function printRegister(
  work: Work,
  options: { on: string; includeUnpublished: boolean },
): Promise<{ pdf: Buffer; fileName: string }> {
  const entries = await registerForPrint(work, options.on, options.includeUnpublished);
  const tenant = await work.operational
    .selectFrom('tenants')
    .select('name')
    .where('tenantId', '=', work.actor.tenantId)
    .executeTakeFirstOrThrow();
  const profile = await work.operational
    .selectFrom('tenantPublicProfiles')
    .select('organizationName')
    .executeTakeFirst();
  const me = await work.actorName();
  const organization = profile?.organizationName ?? tenant.name;

  const content: Content[] = [
    {
      text: `${organization}が個人情報を取り扱う業務（個人情報ファイル）の一覧です。業務の開始、変更及び廃止を届け出たときは、その履歴を併せて掲載しています。廃止した業務は、記録された個人情報の保存期間が終わるまで掲載します。`,
      margin: [0, 0, 0, 8],
    },
    heading('掲載している業務'),
    grid(
      ['登録番号', '業務の名称', '担当する課・係', '状態', '開始日'],
      entries.map((e) => [e.code, e.current.name, e.current.section, stateText(e), date(e.startedOn)]),
      [50, '*', 100, 90, 80],
    ),
  ];
  for (const e of entries) content.push({ text: '', pageBreak: 'before' }, ...sheet(e));

  await work.audit({
    category: 'admin',
    action: 'register.print',
    outcome: 'success',
    recordKind: 'register_entry',
    recordIds: entries.map((e) => e.entryId),
    details: { on: options.on, includeUnpublished: options.includeUnpublished, entries: entries.length },
  });
  const pdf = await renderPdf(
    {
      title: '個人情報ファイル簿',
      organization,
      printedBy: me,
      printedAt: new Date(),
      footerNote: '個人情報取扱業務の概要を記載したものです（個人情報は含みません）。',
    },
    `${formatWareki(options.on)}現在`,
    content,
  );
  return { pdf, fileName: `個人情報ファイル簿_${options.on}.pdf` };
}
