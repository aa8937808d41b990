// Data generator: a tenant with a council, offices, staff and N fictional
// consultees with cases spread over the workers. Names are drawn from small
// lists of clearly invented family names so nothing resembles a real person.

import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/server/db/schema.js';
import {
  asOwnerInTenant,
  createOfficeRow,
  createOrganization,
  createStaffRow,
  createTenant,
} from '../src/server/tenancy/provision.js';

export const BENCH_PASSWORD = 'benchmark passphrase for a fictional worker';

const FAMILY = ['架空', '見本', '試験', '仮名', '例示', '模擬'];
const FAMILY_KANA = ['カクウ', 'ミホン', 'シケン', 'カメイ', 'レイジ', 'モギ'];
const GIVEN = ['太郎', '花子', '次郎', '美咲', '健一', '和子', '翔太', '陽菜'];
const GIVEN_KANA = ['タロウ', 'ハナコ', 'ジロウ', 'ミサキ', 'ケンイチ', 'カズコ', 'ショウタ', 'ヒナ'];

export interface Generated {
  tenantId: string;
  code: string;
  workerLogin: string;
  /** Consultees assigned to the worker who signs in. */
  assigned: string[];
}

export async function generate(db: Kysely<DB>, consultees: number, workers = 20): Promise<Generated> {
  const code = `bench${Date.now().toString(36)}`;
  const tenantId = await createTenant(db, { code, name: 'ベンチマーク市' });
  const base = await asOwnerInTenant(db, tenantId, async (tx) => {
    const council = await createOrganization(tx, tenantId, { kind: 'contractor', name: 'ベンチマーク社協' });
    const office = await createOfficeRow(tx, tenantId, council, 'ベンチマーク窓口');
    const staffIds: string[] = [];
    for (let i = 0; i < workers; i++) {
      const { staffId } = await createStaffRow(tx, tenantId, {
        login: `worker${i}`,
        displayName: `模擬 職員${i}`,
        organizationId: council,
        officeId: office,
        roles: ['support_worker'],
        password: BENCH_PASSWORD,
        mustChangePassword: false,
      });
      staffIds.push(staffId);
    }
    return { council, office, staffIds };
  });

  const assigned: string[] = [];
  const batch = 1000;
  for (let start = 0; start < consultees; start += batch) {
    await asOwnerInTenant(db, tenantId, async (tx) => {
      const people = [];
      const cases = [];
      const workersRows = [];
      for (let i = start; i < Math.min(consultees, start + batch); i++) {
        const consulteeId = randomUUID();
        const caseId = randomUUID();
        const f = i % FAMILY.length;
        const g = Math.floor(i / FAMILY.length) % GIVEN.length;
        const lead = base.staffIds[i % base.staffIds.length] as string;
        if (i % base.staffIds.length === 0) assigned.push(consulteeId);
        people.push({
          tenantId,
          consulteeId,
          organizationId: base.council,
          officeId: base.office,
          familyName: `${FAMILY[f]}${i}`,
          givenName: GIVEN[g] as string,
          familyNameKana: FAMILY_KANA[f] as string,
          givenNameKana: GIVEN_KANA[g] as string,
          sex: (['male', 'female', 'other'] as const)[i % 3] ?? null,
          birthDate: `${1940 + (i % 60)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
          postalCode: null,
          address: `架空県架空市見本町${i}`,
          phone: `000-0000-${String(i % 10000).padStart(4, '0')}`,
          healthSummary: i % 4 === 0 ? '通院中（模擬データ）' : null,
          createdBy: lead,
        });
        cases.push({
          tenantId,
          caseId,
          consulteeId,
          organizationId: base.council,
          officeId: base.office,
          program: 'self_reliance' as const,
          openedOn: '2026-04-01',
          closedOn: null,
        });
        workersRows.push({
          tenantId,
          caseId,
          staffId: lead,
          organizationId: base.council,
          role: 'lead' as const,
          assignedBy: lead,
        });
      }
      await tx.insertInto('consultees').values(people).execute();
      await tx.insertInto('cases').values(cases).execute();
      await tx.insertInto('caseWorkers').values(workersRows).execute();
    });
  }
  await sql`ANALYZE`.execute(db);
  return { tenantId, code, workerLogin: 'worker0', assigned };
}
