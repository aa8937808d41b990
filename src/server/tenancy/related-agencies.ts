// 関係機関・関係者等の例 (CON-4): the 33 entries of the 別表 of the Ome rules (S0,
// 青梅市生活自立支援窓口「個人情報に関する管理・取扱規程」), in their order. A tenant
// keeps its own list; this one seeds the demo tenant and the tests. The kind is
// matched against the kinds of agency a consent covers; `administrative` marks a
// national or local government body (行政機関等), which some provision grounds need.

import { randomUUID } from 'node:crypto';
import type { Tx } from '../db/database.js';
import type { AGENCY_KINDS } from '../../shared/catalog.js';

type AgencyKind = (typeof AGENCY_KINDS)[number]['code'];

export interface RelatedAgencySeed {
  name: string;
  kind: AgencyKind;
  administrative: boolean;
  note?: string;
}

/** A section of the city (市の関係課): a local government body. */
const citySection = (name: string): RelatedAgencySeed => ({ name, kind: 'administrative', administrative: true });

export const OME_RELATED_AGENCIES: readonly RelatedAgencySeed[] = [
  citySection('課税課'),
  citySection('収納課'),
  citySection('市民安全課'),
  citySection('住宅課'),
  citySection('市民活動推進課'),
  citySection('市民課'),
  citySection('保険年金課'),
  citySection('地域福祉課'),
  citySection('生活福祉課'),
  citySection('高齢者支援課'),
  citySection('介護保険課'),
  citySection('障がい者福祉課'),
  citySection('健康課'),
  citySection('子育て応援課'),
  citySection('こども育成課'),
  citySection('こども家庭センター'),
  citySection('教育総務課'),
  { name: '青梅警察署', kind: 'police_fire', administrative: true, note: '警視庁' },
  { name: '青梅消防署', kind: 'police_fire', administrative: true, note: '東京消防庁' },
  { name: 'ハローワーク青梅', kind: 'employment', administrative: true, note: '公共職業安定所（国の機関）' },
  { name: '青梅商工会議所', kind: 'other', administrative: false },
  { name: '青梅市社会福祉協議会', kind: 'welfare', administrative: false },
  { name: '青梅年金事務所', kind: 'administrative', administrative: true, note: '日本年金機構' },
  { name: '西多摩保健所', kind: 'administrative', administrative: true, note: '東京都' },
  { name: '青梅市地域包括支援センター', kind: 'welfare', administrative: false },
  { name: '青梅市地域包括支援センターうめぞの', kind: 'welfare', administrative: false },
  { name: '青梅市地域包括支援センターすえひろ', kind: 'welfare', administrative: false },
  { name: '市内居宅介護事業所', kind: 'welfare', administrative: false, note: '居宅介護支援事業所等' },
  {
    name: '多摩若者サポートステーション',
    kind: 'employment',
    administrative: false,
    note: '地域若者サポートステーション',
  },
  { name: '東京都生活再生相談窓口', kind: 'other', administrative: false, note: '多重債務等の生活再生の相談' },
  { name: '青梅市障がい者サポートセンター', kind: 'welfare', administrative: false },
  { name: '青梅市障害者就労支援センター', kind: 'employment', administrative: false },
  { name: 'TOKYO チャレンジネット', kind: 'housing', administrative: false, note: '住居を失った人への支援（東京都）' },
];

/**
 * Inserts the list into a tenant (as the owner, inside the tenant's context; see
 * asOwnerInTenant). Entries whose name the tenant already has are left as they are.
 * Returns how many were added.
 */
export async function seedRelatedAgencies(
  tx: Tx,
  tenantId: string,
  list: readonly RelatedAgencySeed[] = OME_RELATED_AGENCIES,
): Promise<number> {
  if (list.length === 0) return 0;
  const rows = await tx
    .insertInto('relatedAgencies')
    .values(
      list.map((a, i) => ({
        tenantId,
        agencyId: randomUUID(),
        name: a.name,
        kind: a.kind,
        administrative: a.administrative,
        contractor: false,
        note: a.note ?? null,
        sortOrder: (i + 1) * 10,
      })),
    )
    .onConflict((oc) => oc.columns(['tenantId', 'name']).doNothing())
    .returning('agencyId')
    .execute();
  return rows.length;
}
