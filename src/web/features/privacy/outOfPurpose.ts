// Use or provision outside the purposes (目的外利用・提供): the shapes of the API's
// answers and the Japanese labels, from the server's own rule module so that the
// screens and the rule never disagree.

import type { Static } from 'typebox';
import type { Choice } from '../../../shared/catalog';
import { PROVISION_ITEMS } from '../../../shared/provision-items';
import {
  OUT_OF_PURPOSE_KIND_LABELS,
  OUT_OF_PURPOSE_KINDS,
  OUT_OF_PURPOSE_STATUS_LABELS,
  OUT_OF_PURPOSE_STEP_LABELS,
  type OutOfPurposeStatus,
} from '../../../server/core/out-of-purpose';
import { PROVISION_GROUND_LABELS, PROVISION_GROUNDS } from '../../../server/core/provision';
import type { QueueList, RequestDetail, RequestItem } from '../../../server/modules/out-of-purpose/schema';

export type OutOfPurposeRequest = Static<typeof RequestItem>;
export type OutOfPurposeDetail = Static<typeof RequestDetail>;
export type QueueItem = Static<typeof QueueList>['items'][number];

export { OUT_OF_PURPOSE_KIND_LABELS, OUT_OF_PURPOSE_STATUS_LABELS, OUT_OF_PURPOSE_STEP_LABELS };

export const KIND_CHOICES: readonly Choice[] = OUT_OF_PURPOSE_KINDS.map((code) => ({
  code,
  label: OUT_OF_PURPOSE_KIND_LABELS[code],
}));

export const GROUND_CHOICES: readonly Choice[] = PROVISION_GROUNDS.map((code) => ({
  code,
  label: PROVISION_GROUND_LABELS[code],
}));

/** My Number is never offered: it is not used or provided outside the My Number Act (PRV-4). */
export const ITEM_CHOICES: readonly Choice[] = PROVISION_ITEMS.filter((i) => i.class !== 'my_number').map((i) => ({
  code: i.key,
  label: i.class === 'special_care' ? `${i.label}（要配慮個人情報）` : i.label,
}));

export function itemLabel(key: string): string {
  return PROVISION_ITEMS.find((i) => i.key === key)?.label ?? key;
}

/** The grounds, shortened for a table cell. */
const GROUND_SHORT: Readonly<Record<string, string>> = {
  law: '法令に基づく場合',
  life_body_property: '生命・身体・財産の保護',
  public_health_children: '公衆衛生・児童の健全育成',
  government_cooperation: '国・地方公共団体の事務への協力',
  administrative_statutory: '行政機関等の所掌事務',
};

export function groundShort(code: string | null): string {
  if (!code) return '';
  return GROUND_SHORT[code] ?? code;
}

export function groundLabel(code: string | null): string {
  if (!code) return '';
  return (PROVISION_GROUND_LABELS as Readonly<Record<string, string>>)[code] ?? code;
}

export function statusTone(status: OutOfPurposeStatus): 'ok' | 'warn' | 'danger' | 'neutral' | 'info' {
  switch (status) {
    case 'approved':
      return 'ok';
    case 'rejected':
      return 'danger';
    case 'withdrawn':
      return 'neutral';
    case 'decision':
      return 'warn';
    default:
      return 'info';
  }
}

/** The API's address of a request. */
export function requestPath(consulteeId: string, requestId?: string): string {
  const base = `/api/consultees/${encodeURIComponent(consulteeId)}/out-of-purpose`;
  return requestId ? `${base}/${encodeURIComponent(requestId)}` : base;
}
