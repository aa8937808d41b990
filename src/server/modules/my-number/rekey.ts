// Key rotation for My Number (ARCHITECTURE rule 7): every sealed number not yet
// under the ring's current key is opened with its own key and sealed again under
// the current one. Run by the command line as the owner, tenant by tenant (the
// owner is bound by row-level security too), in batches so that no transaction
// holds many rows for long. Each batch is recorded in the tenant's audit trail
// with how many numbers it re-sealed, never which digits.

import type { Kysely } from 'kysely';
import { appendAuditEvents } from '../../audit/append.js';
import { ConfigError } from '../../config.js';
import { listTenants } from '../../audit/verify.js';
import { reseal, type KeyRing } from '../../crypto/seal.js';
import type { DB } from '../../db/schema.js';
import { asOwnerInTenant } from '../../tenancy/provision.js';
import { myNumberAad } from './service.js';

export interface RekeyResult {
  currentKeyId: string;
  tenants: { code: string; name: string; held: number; resealed: number }[];
  resealed: number;
}

export async function rekeyMyNumbers(db: Kysely<DB>, ring: KeyRing, batchSize = 200): Promise<RekeyResult> {
  const result: RekeyResult = { currentKeyId: ring.currentKeyId, tenants: [], resealed: 0 };
  for (const tenant of await listTenants(db)) {
    let resealed = 0;
    for (;;) {
      const done = await asOwnerInTenant(db, tenant.tenantId, async (tx) => {
        const rows = await tx
          .selectFrom('myNumbers')
          .select(['consulteeId', 'organizationId', 'keyId', 'iv', 'ciphertext', 'tag'])
          .where('keyId', '<>', ring.currentKeyId)
          .orderBy('consulteeId')
          .limit(batchSize)
          .forUpdate()
          .execute();
        for (const row of rows) {
          let sealed;
          try {
            sealed = reseal(ring, row, myNumberAad(row.consulteeId));
          } catch (error) {
            // The message names key ids at most, never a key or a number.
            throw new ConfigError(
              `Cannot re-seal the My Number of consultee ${row.consulteeId} (tenant ${tenant.code}): ${(error as Error).message}. Nothing of this batch was changed.`,
            );
          }
          await tx
            .updateTable('myNumbers')
            .set({
              keyId: sealed.keyId,
              iv: sealed.iv,
              ciphertext: sealed.ciphertext,
              tag: sealed.tag,
              resealedAt: new Date(),
            })
            .where('consulteeId', '=', row.consulteeId)
            .execute();
        }
        if (rows.length > 0) {
          await appendAuditEvents(tx, [
            {
              tenantId: tenant.tenantId,
              category: 'admin',
              action: 'my_number.rekey',
              outcome: 'success',
              recordKind: 'my_number',
              details: { resealed: rows.length, keyId: ring.currentKeyId },
            },
          ]);
        }
        return rows.length;
      });
      resealed += done;
      if (done < batchSize) break;
    }
    const held = await asOwnerInTenant(db, tenant.tenantId, async (tx) => {
      const row = await tx
        .selectFrom('myNumbers')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    });
    result.tenants.push({ code: tenant.code, name: tenant.name, held, resealed });
    result.resealed += resealed;
  }
  return result;
}
