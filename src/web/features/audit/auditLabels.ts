// Japanese names for what the audit trail records. Codes without a name here are
// shown as they are, so that a new kind of event is never hidden.

export const ACTION_LABELS: Readonly<Record<string, string>> = {
  'sign_in.success': 'ログイン成功',
  'sign_in.failure': 'ログイン失敗',
  'sign_in.locked': 'ロック中のログイン',
  'sign_in.lockout': 'アカウントロック',
  'mfa.success': '二段階認証',
  'mfa.failure': '二段階認証失敗',
  'mfa.locked': 'ロック中の二段階認証',
  'mfa.enrol': '二段階認証の設定',
  'password.change': 'パスワード変更',
  sign_out: 'ログアウト',
  'session.idle_timeout': '無操作による自動ログアウト',
  'session.absolute_timeout': '有効時間切れ',
  'session.disabled': '利用停止による終了',
  'consultee.read': '相談者の閲覧',
  'consultee.list': '相談者一覧の閲覧',
  'consultee.create': '相談者の登録',
  'consultee.update': '相談者の更新',
  'audit.search': 'アクセス記録の検索',
  'staff.create': '職員の登録',
  'staff.update': '職員の変更',
  'staff.disable': '利用停止',
  'staff.enable': '利用再開',
  'staff.reset_password': 'パスワード再発行',
  'staff.reset_mfa': '二段階認証の解除',
  'staff.unlock': 'ロック解除',
  'settings.update': '設定の変更',
  'office.create': '窓口の追加',
  'tenant.create': '自治体の作成',
};

export const CATEGORY_LABELS: Readonly<Record<string, string>> = {
  access: '閲覧・記録',
  auth: '認証',
  admin: '管理',
};

export const OUTCOME_LABELS: Readonly<Record<string, string>> = {
  success: '成功',
  denied: '拒否',
  failure: '失敗',
};

/** The purposes of src/server/core/purposes.ts, shortened for a table cell. */
export const PURPOSE_SHORT_LABELS: Readonly<Record<string, string>> = {
  consultation_support: '相談支援',
  municipal_application: '自治体への利用申込',
  support_coordination: '支援・関係機関との調整',
  rights_request_handling: '開示等の請求対応',
  complaint_handling: '苦情対応',
  contract_supervision: '委託先の監督',
  access_audit: 'アクセス状況の点検',
};

/** Why a sign-in failed (details.reason of sign_in.failure). */
export const SIGN_IN_FAILURE_REASONS: Readonly<Record<string, string>> = {
  unknown_login: '存在しないログインID',
  wrong_password: 'パスワードの誤り',
  disabled: '利用停止中のアカウント',
};
