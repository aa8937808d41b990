// The data map (CLS-1, ARCHITECTURE rule 4): every column of every table with its
// data class, category and retention rule. A test compares this map with the live
// schema and fails on any column that is missing here or stale. The same labels
// drive field filtering in the choke point, and later disclosure packages, breach
// scope and disposal.

import type { Category, DataClass } from '../src/server/core/data-classes.js';

export const RETENTION_RULES = {
  consultee_record: '支援終結後、所定の保存期間（既定5年）を経過するまで',
  staff_account: '在職中及び退職後、所定の保存期間を経過するまで',
  session: 'ログアウト又は失効後90日',
  audit_log: '作成から5年（改ざん検知のため削除不可）',
  configuration: '設定が有効な間（変更履歴を含む）',
  none: '個人情報を含まない',
} as const;
export type RetentionRule = keyof typeof RETENTION_RULES;

export interface ColumnLabel {
  class: DataClass;
  category: Category;
  retention: RetentionRule;
  /** 項目名, as shown in disclosure packages and the register of files. */
  label: string;
}

const key = (label: string): ColumnLabel => ({ class: 'not_personal', category: 'system', retention: 'none', label });
const config = (label: string): ColumnLabel => ({
  class: 'not_personal',
  category: 'system',
  retention: 'configuration',
  label,
});
const staffItem = (label: string, category: Category = 'staff'): ColumnLabel => ({
  class: 'ordinary',
  category,
  retention: 'staff_account',
  label,
});
const consultee = (label: string, cls: DataClass = 'ordinary', category: Category = 'basic'): ColumnLabel => ({
  class: cls,
  category,
  retention: 'consultee_record',
  label,
});
const session = (label: string, cls: DataClass = 'not_personal'): ColumnLabel => ({
  class: cls,
  category: 'security',
  retention: 'session',
  label,
});
const audit = (label: string, cls: DataClass = 'not_personal'): ColumnLabel => ({
  class: cls,
  category: 'security',
  retention: 'audit_log',
  label,
});

export const DATA_MAP: Readonly<Record<string, Readonly<Record<string, ColumnLabel>>>> = {
  tenants: {
    tenant_id: key('自治体ID'),
    code: config('自治体コード'),
    name: config('自治体名'),
    mfa_required_for_all: config('全職員に二段階認証を求めるか'),
    session_idle_minutes: config('無操作タイムアウト（分）'),
    session_absolute_hours: config('セッションの最長時間（時間）'),
    created_at: config('作成日時'),
    updated_at: config('更新日時'),
  },
  organizations: {
    tenant_id: key('自治体ID'),
    organization_id: key('組織ID'),
    kind: config('組織の種別'),
    name: config('組織名'),
    created_at: config('作成日時'),
  },
  offices: {
    tenant_id: key('自治体ID'),
    office_id: key('窓口ID'),
    organization_id: key('組織ID'),
    name: config('窓口名'),
    created_at: config('作成日時'),
  },
  staff: {
    tenant_id: key('自治体ID'),
    staff_id: key('職員ID'),
    organization_id: key('組織ID'),
    office_id: key('窓口ID'),
    login: staffItem('ログインID'),
    display_name: staffItem('氏名'),
    display_name_kana: staffItem('氏名（カナ）'),
    employment_kind: staffItem('雇用形態'),
    roles: staffItem('役割'),
    confidentiality_pledged_on: staffItem('守秘義務誓約日'),
    employment_ended_on: staffItem('退職日'),
    password_hash: staffItem('パスワード（ハッシュ値）', 'security'),
    password_needs_mfa: staffItem('短いパスワード（二段階認証必須）', 'security'),
    must_change_password: staffItem('パスワード変更要否', 'security'),
    password_changed_at: staffItem('パスワード変更日時', 'security'),
    totp_secret: staffItem('二段階認証の鍵（暗号化）', 'security'),
    totp_enabled_at: staffItem('二段階認証の設定日時', 'security'),
    totp_last_step: staffItem('二段階認証の最終使用', 'security'),
    disabled_at: staffItem('利用停止日時', 'security'),
    last_sign_in_at: staffItem('最終ログイン日時', 'security'),
    created_at: staffItem('作成日時'),
    updated_at: staffItem('更新日時'),
  },
  sign_in_throttle: {
    tenant_id: key('自治体ID'),
    login_key: session('ログインIDの鍵付きハッシュ値'),
    failed_attempts: session('連続したログイン失敗回数'),
    locked_until: session('ロック解除日時'),
    updated_at: session('更新日時'),
  },
  sessions: {
    tenant_id: key('自治体ID'),
    session_id: key('セッションID'),
    token_hash: session('セッショントークン（ハッシュ値）'),
    staff_id: session('職員ID', 'ordinary'),
    stage: session('認証段階'),
    mfa_verified: session('二段階認証済みか'),
    pending_totp_secret: session('設定中の二段階認証の鍵（暗号化）'),
    created_at: session('開始日時', 'ordinary'),
    last_seen_at: session('最終操作日時', 'ordinary'),
    ended_at: session('終了日時', 'ordinary'),
    end_reason: session('終了理由'),
    client_ip: session('接続元IPアドレス', 'ordinary'),
    user_agent: session('ブラウザ', 'ordinary'),
  },
  consultees: {
    tenant_id: key('自治体ID'),
    consultee_id: key('相談者ID'),
    organization_id: key('組織ID'),
    office_id: key('窓口ID'),
    family_name: consultee('氏'),
    given_name: consultee('名'),
    family_name_kana: consultee('氏（カナ）'),
    given_name_kana: consultee('名（カナ）'),
    sex: consultee('性別'),
    birth_date: consultee('生年月日'),
    postal_code: consultee('郵便番号'),
    address: consultee('住所'),
    phone: consultee('電話番号'),
    health_summary: consultee('健康状態（病気・障害等）', 'special_care', 'health'),
    created_by: key('登録した職員'),
    created_at: consultee('登録日時'),
    updated_at: consultee('更新日時'),
  },
  cases: {
    tenant_id: key('自治体ID'),
    case_id: key('ケースID'),
    consultee_id: key('相談者ID'),
    organization_id: key('組織ID'),
    office_id: key('窓口ID'),
    program: consultee('事業', 'ordinary', 'services'),
    opened_on: consultee('受付日', 'ordinary', 'services'),
    closed_on: consultee('終結日', 'ordinary', 'services'),
    created_at: consultee('作成日時', 'ordinary', 'services'),
  },
  case_workers: {
    tenant_id: key('自治体ID'),
    case_id: key('ケースID'),
    staff_id: key('担当職員ID'),
    organization_id: key('組織ID'),
    role: consultee('担当区分', 'ordinary', 'services'),
    assigned_at: consultee('担当開始日時', 'ordinary', 'services'),
    assigned_by: key('担当を決めた職員'),
  },
  audit_chain_heads: {
    tenant_id: key('自治体ID'),
    chain_no: audit('チェーン番号'),
    last_seq: audit('最終連番'),
    last_hash: audit('最終ハッシュ値'),
  },
  audit_events: {
    tenant_id: key('自治体ID'),
    event_id: audit('イベント番号'),
    chain_no: audit('チェーン番号'),
    chain_seq: audit('チェーン内連番'),
    occurred_at: audit('日時'),
    category: audit('区分'),
    action: audit('操作'),
    outcome: audit('結果'),
    actor_staff_id: audit('操作した職員', 'ordinary'),
    actor_organization_id: audit('操作した職員の組織'),
    record_organization_id: audit('記録の組織'),
    record_kind: audit('記録の種類'),
    record_ids: audit('記録ID'),
    subject_ids: audit('対象の相談者', 'ordinary'),
    data_classes: audit('データ区分'),
    purpose: audit('利用目的'),
    scope_basis: audit('アクセスの根拠'),
    request_id: audit('リクエストID'),
    client_ip: audit('接続元IPアドレス', 'ordinary'),
    details: audit('詳細（個人情報を含まない）'),
    prev_hash: audit('前のハッシュ値'),
    hash: audit('ハッシュ値'),
  },
};

export function labelOf(table: string, column: string): ColumnLabel | undefined {
  return DATA_MAP[table]?.[column];
}
