// The demo tenant's register of operations (PUR-5), its joint use among the
// members of the support meeting (支援会議, PRV-2) and its published profile
// (DSR-1, PUB-1). Every address and name is invented (架空県架空市, 見本/架空).
// Inserted as the owner inside the tenant's context (see asOwnerInTenant), after
// the related agencies, which the joint use names.

import { randomUUID } from 'node:crypto';
import { PURPOSE_LABELS } from '../core/purposes.js';
import type { Tx } from '../db/database.js';

const SELF_RELIANCE_ITEMS = [
  '基本的情報（氏名、性別、生年月日・年齢、住所、電話番号、家族関係等）',
  '健康に関する情報（健康状態、疾病、障害、介護等。要配慮個人情報を含む）',
  '就労・通学・通所の状況',
  '経済的状況（収入、資産、債務等）',
  '各種制度や支援、サービスの利用状況',
  'その他相談業務において知り得た情報（生活歴、過去の経験、抱えている課題等）',
  '相談受付・申込票、アセスメントシート、プラン兼事業等利用申込書、支援経過記録、評価及び終結の記録',
].join('\n');

const HOUSEHOLD_BUDGET_ITEMS = [
  '基本的情報（氏名、性別、生年月日・年齢、住所、電話番号、世帯の状況等）',
  '収入及び支出の状況（家計表、キャッシュフロー表）',
  '資産、債務及び滞納（家賃、税、公共料金等）の状況',
  '各種給付・貸付の申請及び利用の状況',
  '健康に関する情報（家計に関係する範囲。要配慮個人情報を含む）',
  '家計再生プラン、支援経過及び評価の記録',
].join('\n');

const REGISTER_COMMON = {
  media: '電子（クラウド型システム）及び紙',
  retention: '支援の終結から5年（終結した年度の翌年度の初日から起算）',
  retentionYears: 5,
  published: true,
};

/** The 支援会議 (生活困窮者自立支援法第9条) members from the list of related agencies. */
const MEETING_MEMBERS = [
  '生活福祉課',
  '地域福祉課',
  '高齢者支援課',
  '障がい者福祉課',
  '住宅課',
  '保険年金課',
  'ハローワーク青梅',
  '青梅市地域包括支援センター',
];

export const DEMO_PUBLIC_PROFILE = {
  organizationName: '社会福祉法人 架空市社会福祉協議会',
  address: '〒000-0000 架空県架空市見本町二丁目3番4号',
  representative: '会長 架空 一太',
  requestProcedure: [
    'ご本人（未成年者又は成年被後見人の法定代理人、ご本人が委任した代理人を含みます。）は、当会が保有するご自身の個人情報について、開示、訂正・追加・削除、利用停止・消去及び第三者提供の停止を請求することができます。',
    '1．架空市くらしサポートセンターの窓口で「保有個人情報開示等請求書」に記入し、提出してください（郵送も受け付けます）。',
    '2．窓口では、運転免許証、マイナンバーカード（個人番号の記載面は提示不要）等でご本人であることを確認します。代理人による請求の場合は、代理権を確認する書類（戸籍謄本、委任状等）も必要です。',
    '3．請求を受け付けた日から14日以内に、開示等をするかどうかを決定し、書面でお知らせします。やむを得ない理由があるときは、期間を延長し、その理由と時期をお知らせします。',
    '4．開示は、決定通知書に記載した日時・場所で、写しの交付又は閲覧により行います。',
  ].join('\n'),
  fees: '開示請求の手数料は無料です。写しの交付を受ける場合は実費（白黒1枚10円、カラー1枚50円）をご負担いただきます。郵送を希望される場合は郵送料もご負担いただきます。',
  securityMeasures: [
    '【組織的安全管理措置】個人情報保護管理者を置き、取扱規程に基づき個人情報の取扱状況を定期的に点検しています。漏えい等の事案が発生したときの報告連絡体制を整えています。',
    '【人的安全管理措置】職員（臨時職員、派遣職員、実習生を含みます。）から守秘義務に関する誓約書を受領し、個人情報の取扱いに関する研修を毎年実施しています。',
    '【物理的安全管理措置】相談記録を取り扱う区域を限定し、書類は施錠できる書庫で保管しています。廃棄するときは、復元できない方法で廃棄します。',
    '【技術的安全管理措置】記録はアクセス権限を職務に応じて限定したシステムで管理し、二段階認証、通信の暗号化、操作記録の保存を行っています。',
    '【業務の委託】業務を委託するときは、委託先の安全管理措置を確認し、契約に守秘義務等を定めて監督します。',
  ].join('\n'),
  complaintContact: [
    '社会福祉法人 架空市社会福祉協議会 個人情報相談窓口（苦情対応責任者）',
    '〒000-0000 架空県架空市見本町二丁目3番4号',
    '電話 000-000-0000（平日 午前8時30分から午後5時15分まで）',
  ].join('\n'),
  privacyPolicy:
    '当会は、個人情報の適切な保護と利用を重要な社会的責任と認識し、個人情報の保護に関する法律その他の関係法令及び当会の個人情報保護規程を遵守して、ご相談者の個人情報を適正に取り扱います。個人情報は、利用目的の達成に必要な範囲で、適正かつ適法な手段により取得し、ご本人の同意を得た場合や法令に基づく場合等を除き、第三者に提供しません。',
  published: true,
};

/**
 * Inserts the register (two operations, one with a change in its history), the
 * joint use among the support meeting's members and the published profile. Does
 * nothing when the tenant already has a register.
 */
export async function seedPrivacyRegister(tx: Tx, tenantId: string, managerId: string): Promise<void> {
  const existing = await tx.selectFrom('registerEntries').select('entryId').executeTakeFirst();
  if (existing) return;

  const selfReliance = randomUUID();
  const householdBudget = randomUUID();
  await tx
    .insertInto('registerEntries')
    .values([
      { tenantId, entryId: selfReliance, code: '001' },
      { tenantId, entryId: householdBudget, code: '002' },
    ])
    .execute();
  const selfReliancePurposes = {
    name: '自立相談支援事業',
    section: '架空市くらしサポートセンター（自立相談支援機関）',
    items: SELF_RELIANCE_ITEMS,
    purposeCodes: ['consultation_support', 'municipal_application', 'support_coordination'],
    purposesNote: '生活困窮者自立支援法に基づく自立相談支援事業（架空市からの受託事業）の実施のため',
    methods:
      '包括的な相談、事業の利用申込みの受理、スクリーニング及びアセスメント、支援計画（プラン）の策定・評価、支援調整会議の開催、関係機関との支援の調整、国への月次報告（個人を識別できない統計として）',
    sources: '本人（代理人を含む）。本人の同意を得て、家族及び関係機関・関係者から',
    recipients:
      '本人の同意を得て、支援に必要な範囲で関係機関・関係者（公表している一覧のとおり）に提供します。架空市へ事業等の利用申込みを送付します。支援会議の構成員と共同して利用します。法令に基づく場合等を除き、同意なく第三者に提供しません。',
    recordCount: '年間の新規相談者 約300人',
    ...REGISTER_COMMON,
  };
  await tx
    .insertInto('registerVersions')
    .values([
      {
        tenantId,
        entryId: selfReliance,
        version: 1,
        changeKind: 'start',
        effectiveOn: '2015-04-01',
        ...selfReliancePurposes,
        media: '紙',
        keepUntil: null,
        changeReason: null,
        recordedBy: managerId,
      },
      {
        tenantId,
        entryId: selfReliance,
        version: 2,
        changeKind: 'change',
        effectiveOn: '2024-04-01',
        ...selfReliancePurposes,
        keepUntil: null,
        changeReason: 'ケース管理システム（クラウド型）の導入に伴い、記録の媒体を変更したため',
        recordedBy: managerId,
      },
      {
        tenantId,
        entryId: householdBudget,
        version: 1,
        changeKind: 'start',
        effectiveOn: '2019-04-01',
        name: '家計改善支援事業',
        section: '架空市くらしサポートセンター（家計改善支援員）',
        items: HOUSEHOLD_BUDGET_ITEMS,
        purposeCodes: ['consultation_support', 'support_coordination'],
        purposesNote: '生活困窮者自立支援法に基づく家計改善支援事業（架空市からの受託事業）の実施のため',
        methods:
          '家計表・キャッシュフロー表の作成、出納管理の支援、滞納の解消や各種給付制度等の利用に向けた支援、債務整理や貸付のあっせん、家計再生プランの策定・評価、自立相談支援事業との連携',
        sources: '本人（代理人を含む）。本人の同意を得て、家族、債権者及び関係機関から',
        recipients:
          '本人の同意を得て、支援に必要な範囲で、自立相談支援事業、貸付機関、法律専門職その他の関係機関・関係者に提供します。法令に基づく場合等を除き、同意なく第三者に提供しません。',
        recordCount: '年間の新規利用者 約60人',
        ...REGISTER_COMMON,
        keepUntil: null,
        changeReason: null,
        recordedBy: managerId,
      },
    ])
    .execute();

  const agencies = await tx
    .selectFrom('relatedAgencies')
    .select(['agencyId', 'name'])
    .where('name', 'in', MEETING_MEMBERS)
    .execute();
  const members = MEETING_MEMBERS.map((n) => agencies.find((a) => a.name === n)?.agencyId).filter(
    (id): id is string => id !== undefined,
  );
  if (members.length > 0) {
    const declarationId = randomUUID();
    await tx
      .insertInto('jointUseDeclarations')
      .values({ tenantId, declarationId, title: '支援会議の構成員による共同利用', endedOn: null })
      .execute();
    await tx
      .insertInto('jointUseVersions')
      .values({
        tenantId,
        declarationId,
        version: 1,
        items: [
          'name',
          'birth_date',
          'address',
          'household',
          'consultation',
          'work',
          'finance',
          'housing',
          'health',
          'plan',
        ],
        userAgencyIds: members,
        usersNote:
          '生活困窮者自立支援法第9条に基づき架空市が組織する支援会議の構成員（上記の関係機関のほか、架空市社会福祉協議会及び地域の民生委員・児童委員）',
        purposes: [
          // The agency's own purpose in its exact wording, so that provision under this joint use matches it.
          PURPOSE_LABELS.support_coordination,
          '支援会議において、生活困窮者に対する自立の支援を図るために必要な情報の交換を行うため',
          '生活困窮者が地域において日常生活及び社会生活を営むのに必要な支援体制に関する検討を行うため',
        ],
        responsibleAgencyId: null,
        responsibleName: '架空市（福祉部 生活支援課）',
        responsibleAddress: '〒000-0000 架空県架空市見本町一丁目1番1号',
        responsibleRepresentative: '架空市長 見本 一郎',
        changedOn: '2024-03-15',
        effectiveFrom: '2024-04-01',
        noticeDueOn: null,
        noticeOn: '2024-03-15',
        changeNote: null,
        recordedBy: managerId,
      })
      .execute();
  }

  await tx
    .insertInto('tenantPublicProfiles')
    .values({ tenantId, ...DEMO_PUBLIC_PROFILE, updatedBy: managerId })
    .onConflict((oc) => oc.column('tenantId').doNothing())
    .execute();
}
