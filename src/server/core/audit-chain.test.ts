import { describe, expect, it } from 'vitest';
import { chainHash, ChainVerifier, GENESIS_HASH, type ChainRow } from './audit-chain.js';

function chain(n: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const canonical = `(tenant,${i},0,${i},"2026-04-01 09:00:0${i}+09",access,consultee.read,success,,,,,{},{},{},,,,,{})`;
    const hash = chainHash(prev, canonical);
    rows.push({ eventId: String(100 + i), chainSeq: String(i), prevHash: prev, hash, canonical });
    prev = hash;
  }
  return rows;
}

function verify(rows: ChainRow[], head: { lastSeq: string; lastHash: string } | null) {
  const v = new ChainVerifier(0);
  for (const r of rows) if (!v.push(r)) break;
  return v.finish(head);
}

const headOf = (rows: ChainRow[]) => ({
  lastSeq: rows.at(-1)?.chainSeq ?? '0',
  lastHash: rows.at(-1)?.hash ?? GENESIS_HASH,
});

describe('[SEC-4] audit chain verification', () => {
  it('an intact chain verifies', () => {
    const rows = chain(5);
    expect(verify(rows, headOf(rows))).toBeNull();
  });

  it('an edited row is found', () => {
    const rows = chain(5);
    const edited = rows.map((r, i) =>
      i === 2 ? { ...r, canonical: r.canonical.replace('consultee.read', 'consultee.update') } : r,
    );
    expect(verify(edited, headOf(rows))).toMatchObject({ chainSeq: '3', reason: 'hash_mismatch', eventId: '103' });
  });

  it('a deleted row is found', () => {
    const rows = chain(5);
    expect(verify([...rows.slice(0, 1), ...rows.slice(2)], headOf(rows))).toMatchObject({
      chainSeq: '2',
      reason: 'sequence_gap',
    });
  });

  it('swapped rows are found', () => {
    const rows = chain(5);
    const swapped = [
      rows[0],
      { ...rows[2], chainSeq: '2' },
      { ...rows[1], chainSeq: '3' },
      rows[3],
      rows[4],
    ] as ChainRow[];
    expect(verify(swapped, headOf(rows))).toMatchObject({ chainSeq: '2', reason: 'broken_link' });
  });

  it('a cut tail is found against the head', () => {
    const rows = chain(5);
    expect(verify(rows.slice(0, 3), headOf(rows))).toMatchObject({ chainSeq: '4', reason: 'tail_missing' });
  });

  it('rows beyond the head are found', () => {
    const rows = chain(5);
    expect(verify(rows, headOf(rows.slice(0, 4)))).toMatchObject({ chainSeq: '5', reason: 'beyond_head' });
  });

  it('an empty chain with an empty head verifies', () => {
    expect(verify([], { lastSeq: '0', lastHash: GENESIS_HASH })).toBeNull();
  });
});
