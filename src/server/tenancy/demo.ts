// The demo tenant: a fictional city, its social welfare council as contractor,
// clearly fictional staff in every role, and fictional consultees with cases.
// Every name here is invented (family names 見本/架空/試験/仮名 say so).

import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Role } from '../core/roles.js';
import {
  asOwnerInTenant,
  createConsulteeRow,
  createOfficeRow,
  createOrganization,
  createStaffRow,
  createTenant,
} from './provision.js';

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

const CONSULTEES = [
  {
    family: '架空',
    given: '太郎',
    fk: 'カクウ',
    gk: 'タロウ',
    sex: 'male',
    birth: '1975-06-15',
    worker: 'soudan',
    health: '腰痛の持病あり（通院中）',
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
  },
] as const;

/** A readable demo password: four random words would be nicer; 20 characters from a safe alphabet will do. */
function demoPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return [...randomBytes(20)].map((b) => alphabet[b % alphabet.length]).join('');
}

export async function createDemoTenant(db: Kysely<DB>, code = 'demo'): Promise<DemoResult> {
  const name = '架空市（デモ）';
  const tenantId = await createTenant(db, { code, name });
  return asOwnerInTenant(db, tenantId, async (tx) => {
    const city = await createOrganization(tx, tenantId, { kind: 'municipality', name: '架空市 福祉部 生活支援課' });
    const council = await createOrganization(tx, tenantId, {
      kind: 'contractor',
      name: '社会福祉法人 架空市社会福祉協議会',
    });
    const cityOffice = await createOfficeRow(tx, tenantId, city, '生活支援課 相談窓口');
    const councilOffice = await createOfficeRow(tx, tenantId, council, '架空市くらしサポートセンター');

    const accounts: DemoAccount[] = [];
    const ids = new Map<string, string>();
    for (const s of STAFF) {
      const password = demoPassword();
      const organizationId = s.where === 'city' ? city : council;
      const { staffId } = await createStaffRow(tx, tenantId, {
        login: s.login,
        displayName: s.name,
        displayNameKana: s.kana,
        organizationId,
        officeId: s.where === 'city' ? (s.roles.includes('municipal_supervisor') ? cityOffice : null) : councilOffice,
        roles: s.roles,
        password,
        mustChangePassword: false,
      });
      ids.set(s.login, staffId);
      accounts.push({
        login: s.login,
        displayName: s.name,
        roles: s.roles,
        organization: s.where === 'city' ? '架空市' : '架空市社協',
        password,
      });
    }
    for (const [i, c] of CONSULTEES.entries()) {
      await createConsulteeRow(tx, tenantId, {
        organizationId: council,
        officeId: councilOffice,
        familyName: c.family,
        givenName: c.given,
        familyNameKana: c.fk,
        givenNameKana: c.gk,
        sex: c.sex,
        birthDate: c.birth,
        address: `架空県架空市見本町${i + 1}-${i + 2}-${i + 3}`,
        phone: `000-0000-${String(1000 + i).slice(-4)}`,
        healthSummary: c.health,
        createdBy: ids.get('uketsuke') as string,
        case: { openedOn: `2026-0${(i % 9) + 1}-1${i}`, lead: ids.get(c.worker) as string },
      });
    }
    return { tenantId, code, name, accounts, consultees: CONSULTEES.length };
  });
}
