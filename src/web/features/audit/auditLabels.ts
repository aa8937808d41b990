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
  'consultee.transition': '相談者の記録の段階変更',
  'consultee.provide': '関係機関への提供',
  'consultee.approve': '提供等の承認',
  'consultee.export': '持出し（印刷・書き出し）',
  'consultee.duplicate_check': '重複の確認',
  'case.read': 'ケースの閲覧',
  'case.list': 'ケース一覧の閲覧',
  'case.create': 'ケースの作成',
  'case.update': 'ケースの記録',
  'case.transition': 'ケースの段階変更',
  'case.assign': '担当の変更',
  'case.export': 'ケースの持出し',
  'export.decide': '書き出しの承認・不承認',
  'out_of_purpose.request': '目的外利用等の申請',
  'out_of_purpose.withdraw': '目的外利用等の申請の取下げ',
  'out_of_purpose.counter_opinion': '個人情報保護窓口の意見',
  'out_of_purpose.council_referral': '審議会への諮問',
  'out_of_purpose.council_answer': '審議会の答申',
  'out_of_purpose.opinion': '意見書の添付',
  'out_of_purpose.decide': '目的外利用等の決定',
  'purpose.change': '利用目的の変更',
  'agency.create': '関係機関の登録',
  'agency.update': '関係機関の変更',
  'agency.retire': '関係機関の使用終了',
  'register.start': '個人情報ファイル簿の登録',
  'register.change': '個人情報ファイル簿の変更',
  'register.abolish': '個人情報ファイル簿の廃止',
  'register.print': '個人情報ファイル簿の印刷',
  'joint_use.declare': '共同利用の公表',
  'joint_use.change': '共同利用の変更',
  'joint_use.notice': '共同利用の変更の通知・公表',
  'joint_use.end': '共同利用の終了',
  'public_profile.update': '公表事項の変更',
  'my_number.status': '個人番号の記録状況の確認',
  'my_number.store': '個人番号の記録',
  'my_number.reveal': '個人番号の表示',
  'my_number.erase': '個人番号の削除',
  'my_number.rekey': '個人番号の再暗号化',
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

/** Why a My Number command was refused (details.reason of a denied my_number.* event). */
export const MY_NUMBER_REFUSAL_REASONS: Readonly<Record<string, string>> = {
  not_designated: '事務取扱担当者に指定されていない',
  no_totp: '二段階認証が未設定',
  invalid_code: '確認コードの誤り',
  replayed_code: '使用済みの確認コード',
  step_up_locked: '確認コードの誤りが続いたため停止中',
};

/** Why a sign-in failed (details.reason of sign_in.failure). */
export const SIGN_IN_FAILURE_REASONS: Readonly<Record<string, string>> = {
  unknown_login: '存在しないログインID',
  wrong_password: 'パスワードの誤り',
  disabled: '利用停止中のアカウント',
};
