// Data classes and categories (CLS-1, BIZ-6). The data map in privacy/ labels every
// column with one class and one category; access, disclosure, breach scope and
// disposal are all driven by these labels.

export const DATA_CLASSES = [
  'not_personal', // configuration, counters, hashes: nothing about a person
  'ordinary', // 個人情報 (name, address, phone, income, ...)
  'identification_code', // 個人識別符号: insurance numbers, licence numbers, ...
  'special_care', // 要配慮個人情報: medical history, disability, criminal record, victim of crime, ...
  'my_number', // 特定個人情報: anything containing My Number
] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

export const DATA_CLASS_LABELS: Readonly<Record<DataClass, string>> = {
  not_personal: '個人情報以外',
  ordinary: '個人情報',
  identification_code: '個人識別符号',
  special_care: '要配慮個人情報',
  my_number: '特定個人情報',
};

export const CATEGORIES = [
  'basic', // 基本情報: name, sex, date of birth, address, phone, family relations
  'health', // 健康: condition, illness, disability, long-term care
  'work', // 就労・就学・日中活動
  'economic', // 経済: income, assets, debts
  'services', // 制度・サービスの利用
  'history', // 生活歴・課題
  'support', // 支援の記録: forms, plans, progress notes
  'consent', // 同意・取得の記録
  'staff', // about a staff member (accounts, roles)
  'security', // authentication and audit data
  'system', // configuration and keys of the system itself
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  basic: '基本情報',
  health: '健康状態',
  work: '就労・就学等の状況',
  economic: '経済状況',
  services: '制度・サービスの利用状況',
  history: '生活歴・課題',
  support: '支援の記録',
  consent: '同意・取得の記録',
  staff: '職員情報',
  security: '認証・監査',
  system: 'システム',
};
