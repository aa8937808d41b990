// What the agency publishes (DSR-1, PUB-1): its name, address and representative,
// all its purposes, how to make a request and the fees, the security measures taken,
// where to complain, the related agencies, the joint uses and the register of
// operations. The privacy protection manager keeps the profile; anyone may read the
// public page, without signing in, once it is published.
//
// The public page is read outside any session: the tenant is named by its code
// (tenant_id_by_code, the one lookup across tenants the app role may make, as at
// sign-in) and set for row-level security in the page's own read-only transaction.
// It reads only tenant-wide tables describing the agency and picks the fields it
// shows one by one, so nothing about a consultee or a staff member can reach it.

import { sql, type Kysely } from 'kysely';
import type { OperationalDB, Work } from '../../access/data-access.js';
import { PURPOSES } from '../../core/purposes.js';
import { JOINT_USE_CHANGE_LABELS, type JointUseChangeKind } from '../../core/joint-use.js';
import { inTenant, type Database } from '../../db/database.js';
import { notFound } from '../../http/errors.js';
import { AGENCY_KINDS, labelIn } from '../../../shared/catalog.js';
import { tokyoDate } from '../../../shared/wareki.js';
import { agencyNames, loadJointUse, toItem as toJointUseItem } from '../joint-use/service.js';
import type { JointUseVersionItem } from '../joint-use/schema.js';
import { loadRegister, toDetail } from '../register/service.js';
import type { PublicPage, PublicProfile, PublicProfileBody, PublicProfileResponse } from './schema.js';

const today = (): string => tokyoDate(new Date());

const COLUMNS = [
  'organizationName',
  'address',
  'representative',
  'requestProcedure',
  'fees',
  'securityMeasures',
  'complaintContact',
  'privacyPolicy',
  'published',
  'updatedAt',
] as const;

async function readProfile(db: Kysely<OperationalDB>): Promise<PublicProfile | null> {
  const row = await db.selectFrom('tenantPublicProfiles').select(COLUMNS).executeTakeFirst();
  return row ? { ...row, updatedAt: row.updatedAt.toISOString() } : null;
}

async function publicPath(work: Work): Promise<string> {
  const tenant = await work.operational
    .selectFrom('tenants')
    .select('code')
    .where('tenantId', '=', work.actor.tenantId)
    .executeTakeFirstOrThrow();
  return `/public/${tenant.code}`;
}

export async function getPublicProfile(work: Work): Promise<PublicProfileResponse> {
  return { profile: await readProfile(work.operational), publicPath: await publicPath(work) };
}

const text = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** DSR-1: the profile as a whole; saving it with `published` makes the public page answer. */
export async function savePublicProfile(work: Work, body: PublicProfileBody): Promise<PublicProfileResponse> {
  const before = await readProfile(work.operational);
  const values = {
    organizationName: body.organizationName.trim(),
    address: body.address.trim(),
    representative: body.representative.trim(),
    requestProcedure: body.requestProcedure.trim(),
    fees: body.fees.trim(),
    securityMeasures: body.securityMeasures.trim(),
    complaintContact: body.complaintContact.trim(),
    privacyPolicy: text(body.privacyPolicy),
    published: body.published,
  };
  const changed = (Object.keys(values) as (keyof typeof values)[]).filter((k) => !before || values[k] !== before[k]);
  if (changed.length > 0) {
    await work.operational
      .insertInto('tenantPublicProfiles')
      .values({ tenantId: work.actor.tenantId, ...values, updatedBy: work.actor.staffId })
      .onConflict((oc) =>
        oc.column('tenantId').doUpdateSet({ ...values, updatedBy: work.actor.staffId, updatedAt: sql<Date>`now()` }),
      )
      .execute();
    await work.audit({
      category: 'admin',
      action: 'public_profile.update',
      outcome: 'success',
      recordKind: 'public_profile',
      details: { changed, published: values.published },
    });
  }
  return getPublicProfile(work);
}

/** The purposes in force today, in the catalogue's order, with their wording (PUR-1, DSR-1). */
async function purposesInForce(db: Kysely<OperationalDB>, on: string) {
  const rows = await db
    .selectFrom('purposeVersions as v')
    .innerJoin('purposeCodes as c', (j) =>
      j.onRef('c.tenantId', '=', 'v.tenantId').onRef('c.purposeCode', '=', 'v.purposeCode'),
    )
    .select(['v.purposeCode', 'c.kind', 'v.wording', 'v.effectiveFrom'])
    .where('v.effectiveFrom', '<=', on)
    .orderBy('v.purposeCode')
    .orderBy('v.effectiveFrom')
    .orderBy('v.version')
    .execute();
  // The last version whose day has come is the one in force.
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) latest.set(r.purposeCode, r);
  const order = (code: string) => {
    const i = (PURPOSES as readonly string[]).indexOf(code);
    return i === -1 ? PURPOSES.length : i;
  };
  return [...latest.values()].sort(
    (a, b) => order(a.purposeCode) - order(b.purposeCode) || a.purposeCode.localeCompare(b.purposeCode),
  );
}

function jointUseContent(v: JointUseVersionItem) {
  return {
    items: v.itemLabels,
    users: v.userAgencies.map((a) => a.name),
    usersNote: v.usersNote,
    purposes: v.purposes,
    responsibleName: v.responsibleName,
    responsibleAddress: v.responsibleAddress,
    responsibleRepresentative: v.responsibleRepresentative,
    effectiveFrom: v.effectiveFrom,
  };
}

/**
 * DSR-1, PUB-1: the public page of a tenant, or 404 when the code is unknown or
 * nothing is published, so that a probe learns nothing.
 */
export async function publicPage(db: Database, tenantCode: string): Promise<PublicPage> {
  const { rows } = await sql<{ id: string | null }>`SELECT tenant_id_by_code(${tenantCode}) AS id`.execute(db);
  const tenantId = rows[0]?.id ?? null;
  if (!tenantId) throw notFound('公表されている情報は見つかりません');
  const on = today();
  return inTenant(db, { tenantId, organizationIds: [] }, async (tx) => {
    await sql`SET TRANSACTION READ ONLY`.execute(tx);
    const ops = tx as unknown as Kysely<OperationalDB>;
    const profile = await readProfile(ops);
    if (!profile || !profile.published) throw notFound('公表されている情報は見つかりません');
    const tenant = await ops
      .selectFrom('tenants')
      .select('name')
      .where('tenantId', '=', tenantId)
      .executeTakeFirstOrThrow();
    const purposes = await purposesInForce(ops, on);
    const wordings = new Map(purposes.map((p) => [p.purposeCode, p.wording]));
    const agencies = await ops
      .selectFrom('relatedAgencies')
      .select(['name', 'kind'])
      .where((eb) => eb.or([eb('retiredOn', 'is', null), eb('retiredOn', '>', on)]))
      .orderBy('sortOrder')
      .orderBy('name')
      .execute();
    const names = await agencyNames(ops);
    const jointUses = (await loadJointUse(ops))
      .map((d) => toJointUseItem(d, names, on))
      .filter((d) => d.state !== 'ended')
      .map((d) => ({
        title: d.title,
        started: d.state === 'in_effect',
        current: jointUseContent(d.current),
        announcedChange: d.scheduled
          ? {
              changes: d.scheduled.changeKinds.map((k) => JOINT_USE_CHANGE_LABELS[k.kind as JointUseChangeKind]),
              content: jointUseContent(d.scheduled),
            }
          : null,
        endedOn: d.endedOn,
      }));
    const register = (await loadRegister(ops))
      .map((e) => toDetail(e, on, wordings))
      .filter((e) => e.listed && e.current.published)
      .map((e) => {
        const v = e.current;
        const changes = e.history.filter((h) => h.changeKind === 'change' && h.effectiveOn <= on);
        return {
          code: e.code,
          name: v.name,
          section: v.section,
          items: v.items,
          purposes: v.purposes,
          purposesNote: v.purposesNote,
          methods: v.methods,
          sources: v.sources,
          recipients: v.recipients,
          media: v.media,
          retention: v.retention,
          recordCount: v.recordCount,
          startedOn: e.startedOn,
          lastChangedOn: changes.at(-1)?.effectiveOn ?? null,
          abolishedOn: e.state === 'abolished' ? e.abolishedOn : null,
          keepUntil: e.state === 'abolished' ? e.keepUntil : null,
        };
      });
    return {
      tenantName: tenant.name,
      organizationName: profile.organizationName,
      address: profile.address,
      representative: profile.representative,
      purposes: purposes.map((p) => ({ wording: p.wording, kind: p.kind, effectiveFrom: p.effectiveFrom })),
      requestProcedure: profile.requestProcedure,
      fees: profile.fees,
      securityMeasures: profile.securityMeasures,
      complaintContact: profile.complaintContact,
      privacyPolicy: profile.privacyPolicy,
      relatedAgencies: agencies.map((a) => ({ name: a.name, kind: labelIn(AGENCY_KINDS, a.kind) })),
      jointUses,
      register,
      asOf: on,
      updatedOn: tokyoDate(profile.updatedAt),
    };
  });
}
