// The items of a consultee that can be chosen for a provision to another party
// (PRV-1, PRV-3): what the record lists as "the items", with their data class. A
// provision sends only the items chosen. My Number is listed so that it can be
// refused by name: it is never provided (PRV-4).

import type { DataClass } from '../server/core/data-classes.js';

export interface ProvisionItemDefinition {
  key: string;
  label: string;
  class: DataClass;
}

export const PROVISION_ITEMS = [
  { key: 'name', label: '氏名・ふりがな', class: 'ordinary' },
  { key: 'birth_date', label: '生年月日・年齢', class: 'ordinary' },
  { key: 'sex', label: '性別', class: 'ordinary' },
  { key: 'address', label: '住所', class: 'ordinary' },
  { key: 'phone', label: '電話番号', class: 'ordinary' },
  { key: 'household', label: '世帯の状況', class: 'ordinary' },
  { key: 'consultation', label: '相談の内容（主訴）', class: 'ordinary' },
  { key: 'work', label: '就労の状況', class: 'ordinary' },
  { key: 'finance', label: '収入・資産・債務の状況', class: 'ordinary' },
  { key: 'housing', label: '住まいの状況', class: 'ordinary' },
  { key: 'health', label: '健康状態・障害等', class: 'special_care' },
  { key: 'plan', label: '支援プランの目標と支援内容', class: 'ordinary' },
  { key: 'my_number', label: '個人番号（マイナンバー）', class: 'my_number' },
] as const satisfies readonly ProvisionItemDefinition[];

export type ProvisionItemKey = (typeof PROVISION_ITEMS)[number]['key'];

export const PROVISION_ITEM_KEYS = PROVISION_ITEMS.map((i) => i.key) as ProvisionItemKey[];

/** What may be recorded as received from another party: My Number only through its own sealed record. */
export const RECEIVABLE_ITEM_KEYS = PROVISION_ITEM_KEYS.filter((k) => k !== 'my_number');

export function provisionItem(key: string): ProvisionItemDefinition | undefined {
  return PROVISION_ITEMS.find((i) => i.key === key);
}

/**
 * The data classes a set of items holds, 'ordinary' always included. My Number is
 * left out: no one is granted it, so asking for it would read nothing; the
 * decisions refuse it by name instead (PRV-4).
 */
export function classesOfItems(items: readonly string[]): DataClass[] {
  const classes = new Set<DataClass>(['ordinary']);
  for (const key of items) {
    const cls = provisionItem(key)?.class;
    if (cls && cls !== 'my_number') classes.add(cls);
  }
  return [...classes];
}
