// Working cases through the same services and choke point as the app, as a given
// staff member: the demo tenant and the benchmark's data are made this way, so
// they hold only what the app itself would have let a worker record.

import { randomUUID } from 'node:crypto';
import { DataAccess, type Work } from '../access/data-access.js';
import type { Actor } from '../core/policy.js';
import type { PurposeCode } from '../core/purposes.js';
import type { Role } from '../core/roles.js';
import { inTenant, type Database } from '../db/database.js';
import { sql } from 'kysely';
import { moveCase, recordScreening, saveForm, FORMS, type FormName } from '../modules/cases/service.js';
import { recordProfileItem, registerConsultee } from '../modules/consultees/service.js';
import type { ProfileItemBody, RegisterBody } from '../modules/consultees/schema.js';
import type { SampleStep } from './sample-forms.js';

export interface StaffRef {
  staffId: string;
  tenantId: string;
  organizationId: string;
  officeId: string | null;
  roles: readonly Role[];
}

const FORM_BY_PATH = new Map(Object.entries(FORMS).map(([name, spec]) => [spec.path as string, name as FormName]));

export class CaseDriver {
  private actor: Actor | null = null;

  constructor(
    private readonly db: Database,
    private readonly staff: StaffRef,
  ) {}

  private async run<T>(purpose: PurposeCode, fn: (work: Work) => Promise<T>): Promise<T> {
    // The tenant's purposes in force, read once, as a signed-in session would have them.
    this.actor ??= {
      ...this.staff,
      supervisedOrganizationIds: [this.staff.organizationId],
      purposes: await inTenant(this.db, { tenantId: this.staff.tenantId, organizationIds: [] }, async (tx) => {
        const { rows } = await sql<{ codes: string[] }>`
          SELECT tenant_purposes_in_force(${this.staff.tenantId}::uuid) AS codes`.execute(tx);
        return rows[0]?.codes ?? [];
      }),
    };
    return new DataAccess(this.db, this.actor, purpose, { requestId: randomUUID(), clientIp: null }).run(fn);
  }

  register(body: RegisterBody): Promise<{ consulteeId: string; caseId: string }> {
    return this.run('consultation_support', (work) => registerConsultee(work, body));
  }

  profile(consulteeId: string, itemKey: string, body: ProfileItemBody): Promise<void> {
    return this.run('consultation_support', (work) => recordProfileItem(work, consulteeId, itemKey, body));
  }

  /** Applies the steps in order, each in its own transaction, as separate requests would. */
  async steps(caseId: string, steps: readonly SampleStep[]): Promise<void> {
    for (const step of steps) {
      if ('form' in step) {
        const name = FORM_BY_PATH.get(step.form);
        if (!name) throw new Error(`No form at ${step.form}`);
        await this.run(FORMS[name].purpose, (work) => saveForm(work, caseId, name, step.body));
      } else if ('move' in step) {
        await this.run('consultation_support', (work) => moveCase(work, caseId, step.move, undefined, null));
      } else {
        await this.run('consultation_support', (work) =>
          recordScreening(work, caseId, {
            screeningResult: step.screening,
            referralDestination: step.referralDestination ?? null,
            referredToPublicAssistance: false,
          }),
        );
      }
    }
  }
}
