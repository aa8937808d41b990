// The demo tenant: a fictional city, its social welfare council as contractor,
// clearly fictional staff in every role, and fictional consultees with a case in
// every stage of the flow, recorded through the app's own services.
// Every name here is invented (family names 見本/架空/試験/仮名 say so).

import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CaseStatus } from '../core/case-flow.js';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { Role } from '../core/roles.js';
import { tokyoDate } from '../../shared/wareki.js';
import { CaseDriver, type StaffRef } from './drive.js';
import { asOwnerInTenant, createOfficeRow, createOrganization, createStaffRow, createTenant } from './provision.js';
import { budgetSteps, dayAfter, sampleConsent, stepsTo } from './sample-forms.js';
import { seedRelatedAgencies } from './related-agencies.js';
import { seedPrivacyRegister } from './privacy-register.js';

export interface DemoAccount {
  login: string;
  displayName: string;
  roles: Role[];
  organization: string;
  password: string;
}

export interface DemoResult {
  tenantId: string;
  code: string;
  name: string;
  accounts: DemoAccount[];
  consultees: number;
}

interface StaffSeed {
  login: string;
  name: string;
  kana: string;
  roles: Role[];
  where: 'council' | 'city';
}

const STAFF: StaffSeed[] = [
  { login: 'soudan', name: '見本 相太', kana: 'ミホン ソウタ', roles: ['support_worker'], where: 'council' },
  { login: 'shien', name: '見本 支乃', kana: 'ミホン シノ', roles: ['support_worker'], where: 'council' },
  { login: 'shunin', name: '架空 主税', kana: 'カクウ チカラ', roles: ['chief_support_worker'], where: 'council' },
  { login: 'shuro', name: '架空 労子', kana: 'カクウ ロウコ', roles: ['employment_support_worker'], where: 'council' },
  {
    login: 'kakei',
    name: '試験 計介',
    kana: 'シケン ケイスケ',
    roles: ['household_budget_support_worker'],
    where: 'council',
  },
  { login: 'uketsuke', name: '試験 受代', kana: 'シケン ウケヨ', roles: ['clerk'], where: 'council' },
  { login: 'hogo', name: '仮名 守', kana: 'カメイ マモル', roles: ['privacy_protection_manager'], where: 'council' },
  { login: 'kujo', name: '仮名 聴子', kana: 'カメイ キクコ', roles: ['complaint_lead'], where: 'council' },
  { login: 'kantoku', name: '見本 監', kana: 'ミホン カン', roles: ['municipal_supervisor'], where: 'city' },
  { login: 'kanri', name: '架空 管', kana: 'カクウ カン', roles: ['system_administrator'], where: 'city' },
];

type Status = CaseStatus;

interface ConsulteeSeed {
  family: string;
  given: string;
  fk: string;
  gk: string;
  sex: 'male' | 'female';
  birth: string;
  worker: string;
  health: string | null;
  /** Where the case stands, and how many days ago it was opened. */
  status: Status;
  daysAgo: number;
  program?: 'self_reliance' | 'household_budget';
}

/** One case in every stage of the flow, so every screen has something to show. */
const CONSULTEES: readonly ConsulteeSeed[] = [
  {
    family: '架空',
    given: '太郎',
    fk: 'カクウ',
    gk: 'タロウ',
    sex: 'male',
    birth: '1975-06-15',
    worker: 'soudan',
    health: '腰痛の持病あり（通院中）',
    status: 'in_support',
    daysAgo: 120,
  },
  {
    family: '見本',
    given: '花子',
    fk: 'ミホン',
    gk: 'ハナコ',
    sex: 'female',
    birth: '1988-02-29',
    worker: 'soudan',
    health: null,
    status: 'intake',
    daysAgo: 2,
  },
  {
    family: '試験',
    given: '次郎',
    fk: 'シケン',
    gk: 'ジロウ',
    sex: 'male',
    birth: '1961-11-03',
    worker: 'shien',
    health: 'うつ病で通院歴あり',
    status: 'suspended',
    daysAgo: 200,
  },
  {
    family: '仮名',
    given: '美咲',
    fk: 'カメイ',
    gk: 'ミサキ',
    sex: 'female',
    birth: '1999-04-01',
    worker: 'shien',
    health: null,
    status: 'plan_draft',
    daysAgo: 20,
  },
  {
    family: '架空',
    given: '健一',
    fk: 'カクウ',
    gk: 'ケンイチ',
    sex: 'male',
    birth: '1970-09-09',
    worker: 'shuro',
    health: null,
    status: 'evaluation',
    daysAgo: 190,
  },
  {
    family: '見本',
    given: '和子',
    fk: 'ミホン',
    gk: 'カズコ',
    sex: 'female',
    birth: '1958-12-24',
    worker: 'kakei',
    health: '糖尿病（服薬中）',
    status: 'assessment',
    daysAgo: 15,
    program: 'household_budget',
  },
  {
    family: '試験',
    given: '三郎',
    fk: 'シケン',
    gk: 'サブロウ',
    sex: 'male',
    birth: '1966-03-10',
    worker: 'soudan',
    health: null,
    status: 'closed',
    daysAgo: 300,
  },
  {
    family: '仮名',
    given: '由美',
    fk: 'カメイ',
    gk: 'ユミ',
    sex: 'female',
    birth: '1983-07-07',
    worker: 'soudan',
    health: null,
    status: 'screening',
    daysAgo: 5,
  },
  {
    family: '架空',
    given: '大輔',
    fk: 'カクウ',
    gk: 'ダイスケ',
    sex: 'male',
    birth: '1992-10-20',
    worker: 'shien',
    health: null,
    status: 'closed_info_only',
    daysAgo: 60,
  },
  {
    family: '見本',
    given: '裕子',
    fk: 'ミホン',
    gk: 'ユウコ',
    sex: 'female',
    birth: '1951-01-15',
    worker: 'shien',
    health: null,
    status: 'referred',
    daysAgo: 45,
  },
  {
    family: '試験',
    given: '誠',
    fk: 'シケン',
    gk: 'マコト',
    sex: 'male',
    birth: '1979-05-05',
    worker: 'soudan',
    health: null,
    status: 'coordination',
    daysAgo: 25,
  },
  {
    family: '仮名',
    given: '恵',
    fk: 'カメイ',
    gk: 'メグミ',
    sex: 'female',
    birth: '1986-08-18',
    worker: 'shuro',
    health: null,
    status: 'decided',
    daysAgo: 35,
  },
];

/** A readable demo password: four random words would be nicer; 20 characters from a safe alphabet will do. */
function demoPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return [...randomBytes(20)].map((b) => alphabet[b % alphabet.length]).join('');
}

/**
 * Creates the demo tenant. The organizations and staff are provisioned as the
 * owner; the consultees and their cases are then recorded by their workers
 * through the app's own services (`app`, the app role), consent first.
 */
export async function createDemoTenant(db: Kysely<DB>, app: Database, code = 'demo'): Promise<DemoResult> {
  const name = '架空市（デモ）';
  const tenantId = await createTenant(db, { code, name });
  const { accounts, staff } = await asOwnerInTenant(db, tenantId, async (tx) => {
    const city = await createOrganization(tx, tenantId, { kind: 'municipality', name: '架空市 福祉部 生活支援課' });
    const council = await createOrganization(tx, tenantId, {
      kind: 'contractor',
      name: '社会福祉法人 架空市社会福祉協議会',
    });
    await seedRelatedAgencies(tx, tenantId);
    const cityOffice = await createOfficeRow(tx, tenantId, city, '生活支援課 相談窓口');
    const councilOffice = await createOfficeRow(tx, tenantId, council, '架空市くらしサポートセンター');

    const accounts: DemoAccount[] = [];
    const staff = new Map<string, StaffRef>();
    for (const s of STAFF) {
      const password = demoPassword();
      const organizationId = s.where === 'city' ? city : council;
      const officeId =
        s.where === 'city' ? (s.roles.includes('municipal_supervisor') ? cityOffice : null) : councilOffice;
      const { staffId } = await createStaffRow(tx, tenantId, {
        login: s.login,
        displayName: s.name,
        displayNameKana: s.kana,
        organizationId,
        officeId,
        roles: s.roles,
        password,
        mustChangePassword: false,
      });
      staff.set(s.login, { staffId, tenantId, organizationId, officeId, roles: s.roles });
      accounts.push({
        login: s.login,
        displayName: s.name,
        roles: s.roles,
        organization: s.where === 'city' ? '架空市' : '架空市社協',
        password,
      });
    }
    // My Number handlers are designated by name (ACQ-4); they also need a second factor to store or reveal it.
    await tx.updateTable('staff').set({ myNumberHandler: true }).where('login', 'in', ['soudan', 'uketsuke']).execute();
    await seedPrivacyRegister(tx, tenantId, (staff.get('hogo') as StaffRef).staffId);
    return { accounts, staff };
  });

  const today = tokyoDate(new Date());
  for (const [i, c] of CONSULTEES.entries()) {
    const worker = staff.get(c.worker) as StaffRef;
    const driver = new CaseDriver(app, worker);
    const opened = dayAfter(today, -c.daysAgo);
    const { consulteeId, caseId } = await driver.register({
      familyName: c.family,
      givenName: c.given,
      familyNameKana: c.fk,
      givenNameKana: c.gk,
      sex: c.sex,
      birthDate: c.birth,
      address: `架空県架空市見本町${i + 1}-${i + 2}-${i + 3}`,
      phone: `000-0000-${String(1000 + i).slice(-4)}`,
      program: c.program ?? 'self_reliance',
      openedOn: opened,
      consent: sampleConsent(opened),
    });
    if (c.health) {
      await driver.profile(consulteeId, 'health_condition', { value: c.health, source: 'self' });
    }
    await driver.steps(caseId, stepsTo(c.status, opened));
    if (c.program === 'household_budget') await driver.steps(caseId, budgetSteps(opened));
  }
  return { tenantId, code, name, accounts, consultees: CONSULTEES.length };
}
