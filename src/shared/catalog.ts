// The choice lists of the national standard forms (帳票), in one place, shared by
// the server (validation, PDFs) and the screens (labels). Sources are in
// ../shared/FORMS.md; where the national material could not be read in full the
// choices are designed and marked `designed` here and in docs/forms.md, so that a
// tenant can change them later without touching the screens.

import type { DataClass } from '../server/core/data-classes.js';

export interface Choice<C extends string = string> {
  code: C;
  label: string;
}

function choices<const T extends readonly (readonly [string, string])[]>(list: T) {
  return list.map(([code, label]) => ({ code, label })) as { [K in keyof T]: Choice<T[K][0]> };
}

export function codesOf<T extends readonly Choice[]>(list: T): T[number]['code'][] {
  return list.map((c) => c.code);
}

export function labelIn(list: readonly Choice[], code: string | null | undefined): string {
  if (!code) return '';
  return list.find((c) => c.code === code)?.label ?? code;
}

/** The program a case belongs to (事業). */
export const CASE_PROGRAMS = choices([
  ['self_reliance', '自立相談支援事業'],
  ['household_budget', '家計改善支援事業'],
] as const);

// ── 相談受付・申込票 (A票) ─────────────────────────────────────────────

/** ご相談の内容（お困りのこと）: the 16 items of A票 (FORMS §1, verified). */
export const CONSULTATION_TOPICS = choices([
  ['health', '病気や健康、障害のこと'],
  ['housing', '住まいについて'],
  ['income', '収入・生活費のこと'],
  ['rent_loan', '家賃やローンの支払いのこと'],
  ['tax_utilities', '税金や公共料金等の支払いについて'],
  ['debt', '債務について'],
  ['job_search', '仕事探し、就職について'],
  ['work_trouble', '仕事上の不安やトラブル'],
  ['community', '地域との関係について'],
  ['family', '家族との関係について'],
  ['childcare', '子育てのこと'],
  ['care', '介護のこと'],
  ['withdrawal', 'ひきこもり・不登校'],
  ['violence', 'DV・虐待'],
  ['no_food', '食べるものがない'],
  ['other', 'その他'],
] as const);

/** How the consultation reached the agency (把握・相談受付, FORMS §0). */
export const CONTACT_ROUTES = choices([
  ['walk_in', '来所'],
  ['phone', '電話'],
  ['outreach', '訪問（アウトリーチ）'],
  ['referral', '関係機関からの紹介'],
  ['email', 'メール・手紙'],
  ['other', 'その他'],
] as const);

export const VISITOR_RELATIONS = choices([
  ['family', '家族'],
  ['other', 'その他'],
] as const);

// ── 相談受付・申込票 (B票): partly visible; the missing options are designed ──

export const EMPLOYMENT_STATUSES = choices([
  ['regular', '正社員・公務員'],
  ['non_regular', '臨時職員・パート・アルバイト・派遣社員'],
  ['self_employed', '自営業・家族従業者・内職'],
  ['student', '学生・職業訓練中'], // designed: option 4 could not be read
  ['pension', '年金生活'],
  ['unemployed', '失業・休職中'],
  ['other', 'その他'],
] as const);

export const HOUSING_STATUSES = choices([
  ['owned', '持家'],
  ['rented', '借家'],
  ['public', '公営住宅'],
  ['relatives', '親族・知人宅'], // designed: option 4 could not be read
  ['company', '会社寮・借上げ住宅'],
  ['homeless', '野宿'],
  ['other', 'その他'],
] as const);

export const HEALTH_INSURANCE = choices([
  ['employee', '社会保険'],
  ['national', '国民健康保険'],
  ['late_elderly', '後期高齢者医療'], // designed from here on
  ['public_assistance', '生活保護（医療扶助）'],
  ['none', '無保険'],
  ['other', 'その他'],
] as const);

export const PENSION_STATUSES = choices([
  ['receiving', '受給中'],
  ['enrolled', '加入中（未受給）'], // designed from here on
  ['not_enrolled', '未加入'],
  ['unknown', '不明'],
] as const);

// ── インテーク・アセスメント ───────────────────────────────────────────

export const SCREENING_RESULTS = choices([
  ['info_only', '相談・情報提供のみで終了'],
  ['referred', '他制度・他機関へのつなぎ'],
  ['continued', '継続支援（プラン作成へ）'],
] as const);

/** 課題の特性: the labels published from the national statistics system, plus A票 areas (designed union). */
export const ISSUE_TRAITS = choices([
  ['economic_hardship', '経済的困窮'],
  ['job_search_difficulty', '就職活動困難'],
  ['family_relations', '家族関係・家族の問題'],
  ['mental_health', 'メンタルヘルスの課題'],
  ['budget_management', '家計管理の課題'],
  ['illness', '病気'],
  ['communication', 'コミュニケーションが苦手'],
  ['unstable_housing', '住まい不安定'],
  ['single_parent', 'ひとり親'],
  ['social_isolation', '社会的孤立'],
  ['debt', '多重・過剰債務'],
  ['disability', '障害（手帳有・疑い）'],
  ['withdrawal', 'ひきこもり・不登校'],
  ['violence', 'DV・虐待'],
  ['care', '介護'],
  ['other', 'その他'],
] as const);

// ── プラン兼事業等利用申込書 ──────────────────────────────────────────

/** The programs counted nationally for each plan holder (FORMS §5, verified), and two more the municipalities list. */
export const PROGRAMS = choices([
  ['housing_benefit', '住居確保給付金'],
  ['temporary_living', '一時生活支援事業'],
  ['household_budget', '家計改善支援事業'],
  ['work_preparation', '就労準備支援事業'],
  ['work_training', '就労訓練事業（認定就労訓練）'],
  ['employment_support', '自立相談支援機関による就労支援'],
  ['welfare_loan', '生活福祉資金貸付'],
  ['public_assistance_employment', '生活保護受給者等就労自立促進事業'],
  ['child_learning', '子どもの学習・生活支援事業'],
  ['residential_support', '居住支援（地域居住支援）'],
] as const);

/** The first eight are the national report's columns. */
export const NATIONAL_PROGRAM_CODES = PROGRAMS.slice(0, 8).map((p) => p.code);

// ── 支援調整会議・支援決定 ────────────────────────────────────────────

export const MEETING_DECISIONS = choices([
  ['approve_plan', 'プランを了承'],
  ['revise_plan', 'プランの見直しが必要'],
  ['confirm_closure', '終結を確認'],
  ['confirm_suspension', '中断を確認'],
] as const);

// ── 支援経過記録 ───────────────────────────────────────────────────────

export const CONTACT_METHODS = choices([
  ['visit', '来所'],
  ['phone', '電話'],
  ['home_visit', '家庭訪問'],
  ['accompany', '同行支援'],
  ['mail', '郵送'],
  ['email', 'メール'],
  ['agency', '関係機関との連絡・調整'],
  ['meeting', '会議'],
  ['other', 'その他'],
] as const);

export const COUNTERPARTS = choices([
  ['self', '本人'],
  ['family', '家族'],
  ['agency', '関係機関'],
  ['other', 'その他'],
] as const);

// ── 評価シート・終結 ───────────────────────────────────────────────────

export const GOAL_RESULTS = choices([
  ['achieved', '達成'],
  ['partial', '一部達成'],
  ['not_achieved', '未達成'],
] as const);

/** Observed changes: a non-national survey's vocabulary (FORMS §6, S17), used as a checklist. */
export const IMPROVEMENTS = choices([
  ['housing', '住まいの確保・安定化'],
  ['health', '健康状態の改善'],
  ['relations', '対人関係・家族関係の改善'],
  ['budget', '家計の改善（債務の整理等）'],
  ['sos', 'SOSを出せるようになった'],
  ['disability_card', '障害手帳取得'],
  ['self_esteem', '自分のことを肯定的に受け止められるようになった'],
  ['security', '安心感が高まった（精神の安定等）'],
  ['work_income', '就労収入が増加した'],
  ['other_income', 'その他収入が増加した'],
  ['motivation', '自立意欲の向上・改善'],
  ['goal', '目標ができた'],
  ['public_assistance', '生活保護適用'],
  ['habits', '生活習慣の改善（食事・睡眠・整容等）'],
  ['other', 'その他'],
] as const);

export const NEXT_ACTIONS = choices([
  ['close', '終結する'],
  ['replan', 'プランを見直す（再プラン）'],
  ['continue', '現在のプランで支援を続ける'],
] as const);

/** 終結の理由: not in the reachable material; designed after WAM NET's Q&A (FORMS §6). */
export const CLOSURE_REASONS = choices([
  ['goal_achieved', '目標を達成した'],
  ['self_reliant', '自立の見通しが立った'],
  ['other_scheme', '他制度・他機関の支援へ移行した'],
  ['public_assistance', '生活保護の利用が始まった'],
  ['moved', '転居した'],
  ['wish', '本人が終結を希望した'],
  ['contact_lost', '連絡が途絶えた（中断からの終結）'],
  ['death', '死亡'],
  ['other', 'その他'],
] as const);

// ── 家計改善支援 ───────────────────────────────────────────────────────

/** Income and expense categories: the official sheets were not readable; designed for take-home figures (FORMS §7). */
export const INCOME_CATEGORIES = choices([
  ['wages', '就労収入（手取り）'],
  ['bonus', '賞与（月割り）'],
  ['pension', '年金'],
  ['child_allowance', '児童手当・児童扶養手当'],
  ['public_assistance', '生活保護費'],
  ['benefits', 'その他の給付・手当'],
  ['support', '仕送り・家族からの援助'],
  ['other_income', 'その他の収入'],
] as const);

export const EXPENSE_CATEGORIES = choices([
  ['housing', '住居費（家賃・ローン）'],
  ['food', '食費'],
  ['utilities', '水道光熱費'],
  ['communication', '通信費'],
  ['insurance', '保険料'],
  ['medical', '医療費'],
  ['education', '教育費'],
  ['transport', '交通費・車両費'],
  ['daily', '日用品費'],
  ['clothing', '被服費'],
  ['social', '交際費'],
  ['taxes', '税金・社会保険料'],
  ['debt_payment', '借金の返済'],
  ['other_expense', 'その他の支出'],
] as const);

export const DEBT_KINDS = choices([
  ['consumer_loan', '消費者金融'],
  ['credit_card', 'クレジットカード'],
  ['bank', '銀行カードローン・銀行借入'],
  ['housing_loan', '住宅ローン'],
  ['car_loan', '自動車ローン'],
  ['welfare_loan', '生活福祉資金等の公的貸付'],
  ['personal', '親族・知人からの借入'],
  ['other', 'その他'],
] as const);

/** 返済の状況 of a debt. */
export const DEBT_STATUSES = choices([
  ['repaying', '返済中'],
  ['in_arrears', '延滞中'],
  ['restructuring', '債務整理中'],
  ['settled', '完済・解決'],
] as const);

export const ARREAR_KINDS = choices([
  ['rent', '家賃'],
  ['resident_tax', '住民税'],
  ['property_tax', '固定資産税'],
  ['health_insurance', '国民健康保険料（税）'],
  ['pension', '国民年金保険料'],
  ['electricity', '電気料金'],
  ['gas', 'ガス料金'],
  ['water', '水道料金'],
  ['phone', '携帯電話料金'],
  ['school', '給食費・学校納付金'],
  ['other', 'その他'],
] as const);

export const BUDGET_SHEET_KINDS = choices([
  ['at_consultation', '相談時家計表'],
  ['planned', '家計計画表'],
] as const);

// ── 同意・取得 (CON, ACQ) ───────────────────────────────────────────────

/** The purposes a person consents to at the counter: the agency's published purposes of casework (PUR-1, S0). */
export const CONSENT_PURPOSES = ['consultation_support', 'municipal_application', 'support_coordination'] as const;

export const CONSENT_GIVERS = choices([
  ['self', '本人'],
  ['representative', '代理人'],
] as const);

/** What gives a representative authority (CON-1; the requests of DSR-7 will use it too). */
export const REPRESENTATIVE_AUTHORITIES = choices([
  ['parent', '親権者（法定代理人）'],
  ['guardian', '成年後見人等（法定代理人）'],
  ['power_of_attorney', '委任状による任意代理人'],
  ['other', 'その他'],
] as const);

/** ACQ-6: written (with a scan), oral (with what was told), or electronic. */
export const CONSENT_METHODS = choices([
  ['written', '書面（署名・押印）'],
  ['oral', '口頭'],
  ['electronic', '電磁的方法'],
] as const);

/** Kinds of related agency a consent may name (CON-3, CON-4); the registry itself comes with issue 4. */
export const AGENCY_KINDS = choices([
  ['administrative', '行政機関（市区町村の関係課等）'],
  ['employment', '就労支援機関（ハローワーク等）'],
  ['medical', '医療機関'],
  ['welfare', '福祉・介護サービス事業者'],
  ['housing', '住まいの支援機関・不動産事業者'],
  ['legal', '法律専門職（法テラス・弁護士等）'],
  ['education', '学校・教育機関'],
  ['police_fire', '警察・消防'],
  ['community', '民生委員・地域の支援者'],
  ['other', 'その他の関係機関・関係者'],
] as const);

/** ACQ-1: where an item came from. */
export const SOURCE_KINDS = choices([
  ['self', '本人'],
  ['family', '家族'],
  ['agency', '関係機関'],
  ['document', '書類'],
  ['other', 'その他'],
] as const);

/** ACQ-2: grounds for acquiring special-care information without consent. */
export const ACQUISITION_GROUNDS = choices([
  ['law', '法令に基づく場合'],
  ['life_body_property', '人の生命、身体又は財産の保護のために必要で、本人の同意を得ることが困難な場合'],
  [
    'public_health_children',
    '公衆衛生の向上又は児童の健全な育成の推進のために特に必要で、本人の同意を得ることが困難な場合',
  ],
  [
    'government_cooperation',
    '国の機関等の事務の遂行に協力する必要があり、同意を得ることで支障を及ぼすおそれがある場合',
  ],
  ['published', '本人、国の機関、報道機関等により公開されている場合'],
  ['visually_obvious', '本人を目視し、又は撮影することにより取得する外形上明らかな場合'],
  ['lawful_provision', '適法な第三者提供により取得する場合'],
] as const);

/** ACQ-3: what a contractor may not collect without the commissioning body's approval. */
export const RESTRICTED_CATEGORIES = choices([
  ['creed', '思想・信条・宗教'],
  ['social_discrimination', '社会的差別の原因となる事実'],
  ['crime', '犯罪歴・犯罪被害'],
] as const);
export type RestrictedCategory = (typeof RESTRICTED_CATEGORIES)[number]['code'];

// ── 相談者の情報の項目 (BIZ-6) ──────────────────────────────────────────

export type ProfileCategory = 'health' | 'work' | 'economic' | 'services' | 'history';

export const PROFILE_CATEGORY_LABELS: Readonly<Record<ProfileCategory, string>> = {
  health: '健康状態',
  work: '就労・就学・日中活動の状況',
  economic: '経済状況',
  services: '制度・サービスの利用状況',
  history: '生活歴・課題',
};

export interface ProfileItemDefinition {
  key: string;
  category: ProfileCategory;
  label: string;
  /** The class of the item's value: special-care items need consent or a ground (ACQ-2). */
  dataClass: DataClass;
  /** Items a contractor may not collect without the commissioning body's approval (ACQ-3). */
  restricted?: RestrictedCategory;
  choices?: readonly Choice[];
}

/** The items held about a consultee beyond the basic information (BIZ-6, CLS-1). */
export const PROFILE_ITEMS: readonly ProfileItemDefinition[] = [
  { key: 'health_condition', category: 'health', label: '健康状態', dataClass: 'special_care' },
  { key: 'illness', category: 'health', label: '病気・既往歴', dataClass: 'special_care' },
  { key: 'medical_care', category: 'health', label: '通院・服薬の状況', dataClass: 'special_care' },
  { key: 'disability', category: 'health', label: '障害の状況（手帳の有無・等級）', dataClass: 'special_care' },
  { key: 'long_term_care', category: 'health', label: '要介護認定・介護サービス', dataClass: 'special_care' },
  { key: 'health_insurance', category: 'health', label: '健康保険', dataClass: 'ordinary', choices: HEALTH_INSURANCE },
  {
    key: 'employment_status',
    category: 'work',
    label: '仕事の状況',
    dataClass: 'ordinary',
    choices: EMPLOYMENT_STATUSES,
  },
  { key: 'workplace', category: 'work', label: '勤務先・職種', dataClass: 'ordinary' },
  { key: 'school', category: 'work', label: '就学の状況', dataClass: 'ordinary' },
  { key: 'day_activity', category: 'work', label: '日中の活動・通所先', dataClass: 'ordinary' },
  { key: 'income', category: 'economic', label: '収入', dataClass: 'ordinary' },
  { key: 'assets', category: 'economic', label: '資産（預貯金・不動産・車等）', dataClass: 'ordinary' },
  { key: 'debts', category: 'economic', label: '負債の状況', dataClass: 'ordinary' },
  { key: 'pension', category: 'economic', label: '年金', dataClass: 'ordinary', choices: PENSION_STATUSES },
  { key: 'housing', category: 'economic', label: '住まい', dataClass: 'ordinary', choices: HOUSING_STATUSES },
  { key: 'programs_used', category: 'services', label: '利用している制度・サービス', dataClass: 'ordinary' },
  { key: 'public_assistance', category: 'services', label: '生活保護の利用歴', dataClass: 'ordinary' },
  { key: 'life_history', category: 'history', label: '生活歴・職歴', dataClass: 'ordinary' },
  { key: 'problems', category: 'history', label: '現在の課題', dataClass: 'ordinary' },
  { key: 'family_situation', category: 'history', label: '家族関係の状況', dataClass: 'ordinary' },
  {
    key: 'creed',
    category: 'history',
    label: '信条・宗教に関すること',
    dataClass: 'special_care',
    restricted: 'creed',
  },
  {
    key: 'social_discrimination',
    category: 'history',
    label: '社会的差別の原因となる事実（本籍・出自等）',
    dataClass: 'special_care',
    restricted: 'social_discrimination',
  },
  { key: 'criminal_record', category: 'history', label: '犯罪歴', dataClass: 'special_care', restricted: 'crime' },
  { key: 'crime_victim', category: 'history', label: '犯罪被害', dataClass: 'special_care', restricted: 'crime' },
];

export function profileItem(key: string): ProfileItemDefinition | undefined {
  return PROFILE_ITEMS.find((i) => i.key === key);
}

export const RELATIONSHIPS = choices([
  ['spouse', '配偶者'],
  ['child', '子'],
  ['parent', '父母'],
  ['sibling', '兄弟姉妹'],
  ['grandparent', '祖父母'],
  ['grandchild', '孫'],
  ['partner', '内縁・パートナー'],
  ['relative', 'その他の親族'],
  ['other', 'その他'],
] as const);

export const SEXES = choices([
  ['male', '男性'],
  ['female', '女性'],
  ['other', 'その他'],
] as const);
