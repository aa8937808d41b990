// Data generator: a tenant with a council, one office, workers and a chief, and N
// fictional consultees, each with a case, an intake form and a few progress notes,
// spread over the workers. Names are invented: family names from a short list of
// made-up words, kana composed from syllables so that most people have a kana name
// of their own (as in a real caseload), never a real person's.

import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/server/db/schema.js';
import { digitsKey, kanaKey, nameKey } from '../src/server/core/search-key.js';
import {
  asOwnerInTenant,
  createOfficeRow,
  createOrganization,
  createStaffRow,
  createTenant,
} from '../src/server/tenancy/provision.js';
import { sampleIntake, sampleNote } from '../src/server/tenancy/sample-forms.js';

export const BENCH_PASSWORD = 'benchmark passphrase for a fictional worker';

const FAMILY = ['架空', '見本', '試験', '仮名', '例示', '模擬', '想定', '仮設'];
const GIVEN = ['太郎', '花子', '次郎', '美咲', '健一', '和子', '翔太', '陽菜'];
const SYLLABLES = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ'.split('');

/** The i-th invented kana name: three syllables of family name, two or three of given name. */
function kanaOf(i: number): { family: string; given: string } {
  const n = SYLLABLES.length;
  const s = (k: number) => SYLLABLES[k % n] as string;
  const family = s(i) + s(Math.floor(i / n) + 3) + s(Math.floor(i / (n * n)) + 7);
  const given = s(i * 7 + 1) + s(Math.floor(i / 5) + 11) + (i % 3 === 0 ? s(i + 13) : '');
  return { family, given };
}

export interface Generated {
  tenantId: string;
  code: string;
  workerLogin: string;
  chiefLogin: string;
  /** Consultees and cases assigned to the worker who signs in. */
  assigned: { consulteeId: string; caseId: string; kana: string }[];
  /** Kana names of consultees across the office, for the chief's searches. */
  kanaNames: string[];
}

export interface GenerateOptions {
  workers?: number;
  notesPerCase?: number;
  onProgress?: (done: number) => void;
}

export async function generate(db: Kysely<DB>, consultees: number, options: GenerateOptions = {}): Promise<Generated> {
  const workers = options.workers ?? 20;
  const notesPerCase = options.notesPerCase ?? 3;
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
    await createStaffRow(tx, tenantId, {
      login: 'chief',
      displayName: '模擬 主任',
      organizationId: council,
      officeId: office,
      roles: ['chief_support_worker'],
      password: BENCH_PASSWORD,
      mustChangePassword: false,
    });
    return { council, office, staffIds };
  });

  const assigned: Generated['assigned'] = [];
  const kanaNames: string[] = [];
  const batch = 1000;
  for (let start = 0; start < consultees; start += batch) {
    await asOwnerInTenant(db, tenantId, async (tx) => {
      const people = [];
      const cases = [];
      const workersRows = [];
      const intakes = [];
      const notes = [];
      for (let i = start; i < Math.min(consultees, start + batch); i++) {
        const consulteeId = randomUUID();
        const caseId = randomUUID();
        const lead = base.staffIds[i % base.staffIds.length] as string;
        const kana = kanaOf(i);
        const familyName = FAMILY[i % FAMILY.length] as string;
        const givenName = GIVEN[Math.floor(i / FAMILY.length) % GIVEN.length] as string;
        const phone = `000-${String(i % 10000).padStart(4, '0')}-${String((i * 7) % 10000).padStart(4, '0')}`;
        const opened = `2026-${String((i % 10) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
        if (i % base.staffIds.length === 0) assigned.push({ consulteeId, caseId, kana: kana.family + kana.given });
        if (i % 97 === 0) kanaNames.push(kana.family + kana.given);
        people.push({
          tenantId,
          consulteeId,
          organizationId: base.council,
          officeId: base.office,
          familyName,
          givenName,
          familyNameKana: kana.family,
          givenNameKana: kana.given,
          sex: (['male', 'female', 'other'] as const)[i % 3] ?? null,
          birthDate: `${1940 + (i % 60)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
          postalCode: null,
          address: `架空県架空市見本町${i}`,
          phone,
          phoneMobile: null,
          email: null,
          sexNote: null,
          basicSourceDetail: null,
          nameKey: nameKey(familyName + givenName),
          kanaKey: kanaKey(kana.family + kana.given),
          phoneKey: digitsKey(phone),
          createdBy: lead,
        });
        cases.push({
          tenantId,
          caseId,
          consulteeId,
          organizationId: base.council,
          officeId: base.office,
          program: 'self_reliance' as const,
          openedOn: opened,
          closedOn: null,
          status: 'in_support',
        });
        workersRows.push({
          tenantId,
          caseId,
          staffId: lead,
          organizationId: base.council,
          role: 'lead' as const,
          assignedBy: lead,
        });
        const intake = sampleIntake(opened);
        intakes.push({
          ...intake,
          tenantId,
          formId: randomUUID(),
          caseId,
          consulteeId,
          organizationId: base.council,
          createdBy: lead,
          receivedBy: lead,
        });
        for (let n = 0; n < notesPerCase; n++) {
          notes.push({
            ...sampleNote(opened),
            tenantId,
            noteId: randomUUID(),
            caseId,
            consulteeId,
            organizationId: base.council,
            createdBy: lead,
          });
        }
      }
      await tx.insertInto('consultees').values(people).execute();
      await tx.insertInto('cases').values(cases).execute();
      await tx.insertInto('caseWorkers').values(workersRows).execute();
      await tx.insertInto('intakeForms').values(intakes).execute();
      if (notes.length) await tx.insertInto('progressNotes').values(notes).execute();
    });
    options.onProgress?.(Math.min(consultees, start + batch));
  }
  await sql`ANALYZE`.execute(db);
  return { tenantId, code, workerLogin: 'worker0', chiefLogin: 'chief', assigned, kanaNames };
}
