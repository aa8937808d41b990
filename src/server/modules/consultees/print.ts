// The consent form the person signs at the counter (CON-1, CON-2, ACQ-6): the
// purposes, the kinds of related agency information may go to, special-care
// information asked for separately, how long it holds, that it can be withdrawn,
// and the signature of the person or their representative. Prefilled with the
// person's name; what they tick and sign is recorded with the scan of the form.

import type { Content } from 'pdfmake/interfaces.js';
import type { Work } from '../../access/data-access.js';
import { logSinglePersonExport } from '../exports/service.js';
import { PURPOSE_LABELS } from '../../core/purposes.js';
import { AGENCY_KINDS, CONSENT_PURPOSES, REPRESENTATIVE_AUTHORITIES } from '../../../shared/catalog.js';
import { fields, heading, person, renderPdf, subjectOf } from '../../print/pdf.js';
import { today } from './service.js';

const box = (text: string): Content => ({ text: `□ ${text}`, margin: [8, 1, 0, 1] });

export async function printConsentForm(work: Work, consulteeId: string): Promise<{ pdf: Buffer; fileName: string }> {
  const { row, withheld } = await work.read('consultee', consulteeId);
  const organization = await work.operational
    .selectFrom('organizations')
    .select('name')
    .where('organizationId', '=', row.organizationId as string)
    .executeTakeFirstOrThrow();
  const me = await work.actorName();
  const content: Content[] = [
    { text: `${organization.name}　殿`, margin: [0, 0, 0, 6] },
    {
      text: '私は、自立相談支援事業等の利用にあたり、「個人情報に関する管理・取扱規程」について説明を受けました。私の個人情報を次のとおり取り扱うことに同意します（同意する項目の□に✓を付けてください）。',
      margin: [0, 0, 0, 6],
    },
    heading('1．利用目的'),
    ...CONSENT_PURPOSES.map((p) => box(PURPOSE_LABELS[p])),
    heading('2．関係機関・関係者への提供'),
    {
      text: '支援のため必要な範囲で、次の関係機関・関係者と私の個人情報を共有することに同意します（事業等の利用申込みやプラン作成の調整、他の機関による支援、プラン終了後の連絡、病気やけがの際の医療機関へのつなぎ等）。',
      margin: [0, 0, 0, 2],
    },
    {
      columns: [
        { stack: AGENCY_KINDS.slice(0, 5).map((a) => box(a.label)) },
        { stack: AGENCY_KINDS.slice(5).map((a) => box(a.label)) },
      ],
    },
    { text: '具体的な機関名：＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿', margin: [8, 6, 0, 0] },
    heading('3．要配慮個人情報'),
    {
      text: '病歴、心身の障害、健康診断等の結果、犯罪の経歴など、特に配慮を要する個人情報を、支援に必要な範囲で取得し、上記の関係機関・関係者と共有することに',
      margin: [0, 0, 0, 2],
    },
    { columns: [box('同意します'), box('同意しません')] },
    heading('4．同意の期間と撤回'),
    {
      ul: [
        'この同意は、署名した日から支援が終結するまで（または　令和　　年　　月　　日まで）有効です。',
        'この同意はいつでも撤回できます。撤回した後は、この同意に基づく新たな提供は行いません。撤回前に行われた取扱いには影響しません。',
        'ご自身の個人情報の開示・訂正・利用停止等を求めることができます。窓口にお申し出ください。',
      ],
      margin: [0, 0, 0, 6],
    },
    heading('ご本人'),
    person({ ...row, withheld }, today()),
    {
      text: '令和　　年　　月　　日　　署名　＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿　印',
      alignment: 'right',
      margin: [0, 10, 0, 6],
    },
    heading('代理人（代理人が同意する場合）'),
    fields([
      ['代理人の氏名', ''],
      ['ご本人との関係', ''],
      ['代理権の根拠', REPRESENTATIVE_AUTHORITIES.map((a) => `□ ${a.label}`).join('　')],
    ]),
    {
      text: '令和　　年　　月　　日　　代理人署名　＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿　印',
      alignment: 'right',
      margin: [0, 10, 0, 6],
    },
    heading('説明した職員'),
    fields([
      ['氏名', me],
      ['説明した日', '令和　　年　　月　　日'],
    ]),
  ];
  const pdf = await renderPdf(
    {
      title: '個人情報の取扱いに関する同意書',
      organization: organization.name,
      printedBy: me,
      printedAt: new Date(),
    },
    subjectOf(row),
    content,
  );
  const fileName = `同意書_${consulteeId.slice(0, 8)}.pdf`;
  await logSinglePersonExport(
    work,
    { kind: 'consent_form', format: 'pdf', consulteeIds: [consulteeId], description: '同意書（署名用）' },
    { fileName, content: pdf, mediaType: 'application/pdf' },
  );
  return { pdf, fileName };
}
