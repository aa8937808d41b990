// Verifies every tenant's audit chains (ARCHITECTURE rule 6): each row's hash,
// each link, the sequence without gaps, and that each chain ends at its recorded
// head. Runs as the owner, one tenant at a time, streaming rows in chain order.

import { sql, type Kysely } from 'kysely';
import { CANONICAL_ROW, ChainVerifier, type ChainBreak } from '../core/audit-chain.js';
import type { DB } from '../db/schema.js';
import { asOwnerInTenant } from '../tenancy/provision.js';

export interface TenantVerification {
  tenantId: string;
  code: string;
  name: string;
  events: number;
  chains: number;
  breaks: ChainBreak[];
  /** Each chain's last sequence number and hash, to be kept outside the database as an anchor. */
  heads: { chainNo: number; lastSeq: string; lastHash: string }[];
}

const BATCH = 5000;

export async function verifyTenant(
  db: Kysely<DB>,
  tenant: { tenantId: string; code: string; name: string },
): Promise<TenantVerification> {
  return asOwnerInTenant(db, tenant.tenantId, async (tx) => {
    const heads = await tx
      .selectFrom('auditChainHeads')
      .select(['chainNo', 'lastSeq', 'lastHash'])
      .orderBy('chainNo')
      .execute();
    const present = await sql<{ chainNo: number }>`SELECT DISTINCT chain_no FROM audit_events`.execute(tx);
    const chainNos = [...new Set([...heads.map((h) => h.chainNo), ...present.rows.map((r) => r.chainNo)])].sort(
      (a, b) => a - b,
    );
    const breaks: ChainBreak[] = [];
    let events = 0;
    for (const chainNo of chainNos) {
      const verifier = new ChainVerifier(chainNo);
      let after = '0';
      for (;;) {
        // Result keys arrive camelCased (eventId, chainSeq, prevHash).
        const { rows } = await sql<Record<string, string | null>>`
          SELECT event_id::text AS event_id, chain_seq::text AS chain_seq, prev_hash, hash, ${sql.raw(CANONICAL_ROW)} AS canonical
          FROM audit_events WHERE chain_no = ${chainNo} AND chain_seq > ${after}::bigint
          ORDER BY audit_events.chain_seq LIMIT ${BATCH}`.execute(tx);
        let ok = true;
        for (const row of rows) {
          ok = verifier.push({
            eventId: row.eventId as string,
            chainSeq: row.chainSeq as string,
            prevHash: row.prevHash as string,
            hash: row.hash as string,
            canonical: row.canonical as string,
          });
          if (!ok) break;
        }
        events += rows.length;
        if (!ok || rows.length < BATCH) break;
        after = rows.at(-1)?.chainSeq as string;
      }
      const head = heads.find((h) => h.chainNo === chainNo) ?? null;
      const broken = verifier.finish(head ? { lastSeq: head.lastSeq, lastHash: head.lastHash } : null);
      if (broken) breaks.push(broken);
    }
    return { ...tenant, events, chains: chainNos.length, breaks, heads };
  });
}

export async function listTenants(db: Kysely<DB>) {
  return db.selectFrom('tenants').select(['tenantId', 'code', 'name']).orderBy('code').execute();
}
