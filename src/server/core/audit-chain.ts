// The tamper-evident audit trail (ARCHITECTURE rule 6, SEC-4; groundwork for SEC-6).
//
// Each tenant's events form AUDIT_CHAINS_PER_TENANT independent hash chains; an
// event joins whichever chain is free at insert time, so that concurrent requests
// do not queue behind one lock (docs/adr/0003-audit-chain.md). Within a chain,
//   hash = SHA-256(prev_hash ‖ "\n" ‖ canonical(row))
// where canonical(row) is PostgreSQL's text form of the row's fields as one
// record (CANONICAL_ROW). The database trigger computes the hash when the row is
// inserted; the verifier selects the same built-in expression (not the database's
// function, which an intruder could replace) and recomputes the chain here.

import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);
/** Also fixed in migration 0001 (chains 0..7 created with each tenant). */
export const AUDIT_CHAINS_PER_TENANT = 8;

/**
 * The hashed fields, as one record rendered as text; the same expression as
 * audit_canonical() in migration 0001. The time goes in as epoch microseconds
 * because a timestamptz's text depends on the session's TimeZone and DateStyle.
 */
export const CANONICAL_ROW = `ROW(tenant_id, event_id, chain_no, chain_seq,
  (extract(epoch FROM occurred_at) * 1000000)::bigint, category,
  action, outcome, actor_staff_id, actor_organization_id, record_organization_id,
  record_kind, record_ids, subject_ids, data_classes, purpose, scope_basis,
  request_id, client_ip, details)::text`;

export function chainHash(prevHash: string, canonical: string): string {
  return createHash('sha256').update(`${prevHash}\n${canonical}`, 'utf8').digest('hex');
}

export interface ChainRow {
  eventId: string;
  chainSeq: string;
  prevHash: string;
  hash: string;
  /** The row as CANONICAL_ROW renders it. */
  canonical: string;
}

export interface ChainHead {
  lastSeq: string;
  lastHash: string;
}

export type BreakReason = 'hash_mismatch' | 'broken_link' | 'sequence_gap' | 'tail_missing' | 'beyond_head';

export interface ChainBreak {
  chainNo: number;
  /** The first position in the chain that does not verify. */
  chainSeq: string;
  /** The event at that position, when there is one. */
  eventId: string | null;
  reason: BreakReason;
}

export const BREAK_REASON_TEXT: Readonly<Record<BreakReason, string>> = {
  hash_mismatch: 'row content does not match its hash (edited, or rows reordered)',
  broken_link: 'row does not link to the previous row (a row was removed, inserted or reordered)',
  sequence_gap: 'sequence number skips (a row was removed)',
  tail_missing: 'chain ends before the recorded head (rows cut from the end)',
  beyond_head: 'rows exist beyond the recorded head (rows appended outside the trigger)',
};

/**
 * Verifies one chain, row by row in chain order; feed rows with push() and end
 * with finish(head). Stops at the first break, which is the answer.
 */
export class ChainVerifier {
  private expectedSeq = 1n;
  private prevHash = GENESIS_HASH;
  private broken: ChainBreak | null = null;
  private count = 0;

  constructor(readonly chainNo: number) {}

  push(row: ChainRow): boolean {
    if (this.broken) return false;
    const seq = BigInt(row.chainSeq);
    const fail = (reason: BreakReason, at: bigint = seq, eventId: string | null = row.eventId): boolean => {
      this.broken = { chainNo: this.chainNo, chainSeq: at.toString(), eventId, reason };
      return false;
    };
    if (seq > this.expectedSeq) return fail('sequence_gap', this.expectedSeq, row.eventId);
    if (seq < this.expectedSeq || row.prevHash !== this.prevHash) return fail('broken_link');
    if (chainHash(row.prevHash, row.canonical) !== row.hash) return fail('hash_mismatch');
    this.prevHash = row.hash;
    this.expectedSeq = seq + 1n;
    this.count++;
    return true;
  }

  finish(head: ChainHead | null): ChainBreak | null {
    if (this.broken) return this.broken;
    const lastSeq = this.expectedSeq - 1n;
    const headSeq = head ? BigInt(head.lastSeq) : 0n;
    const headHash = head ? head.lastHash : GENESIS_HASH;
    if (lastSeq < headSeq) {
      return { chainNo: this.chainNo, chainSeq: (lastSeq + 1n).toString(), eventId: null, reason: 'tail_missing' };
    }
    if (lastSeq > headSeq) {
      return { chainNo: this.chainNo, chainSeq: (headSeq + 1n).toString(), eventId: null, reason: 'beyond_head' };
    }
    if (this.prevHash !== headHash) {
      return { chainNo: this.chainNo, chainSeq: lastSeq.toString(), eventId: null, reason: 'hash_mismatch' };
    }
    return null;
  }

  get verifiedRows(): number {
    return this.count;
  }
}
