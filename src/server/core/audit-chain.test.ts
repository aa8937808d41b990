import { describe, expect, it } from 'vitest';
import { canonicalEncoding, chainHash, ChainVerifier, GENESIS_HASH, type ChainRow } from './audit-chain.js';

function chain(n: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const fields = [
      'tenant',
      String(i),
      '0',
      String(i),
      `${1_700_000_000_000_000 + i}`,
      'access',
      'consultee.read',
      'success',
      null,
      '{}',
    ];
    const hash = chainHash(prev, canonicalEncoding(fields));
    rows.push({ eventId: String(100 + i), chainSeq: String(i), prevHash: prev, hash, fields });
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
  it('the canonical encoding is unambiguous: length-prefixed, NULL distinct from empty', () => {
    expect(canonicalEncoding(['a|b', 'c'])).not.toBe(canonicalEncoding(['a', 'b|c']));
    expect(canonicalEncoding([null])).not.toBe(canonicalEncoding(['']));
    expect(canonicalEncoding(['日本'])).toBe('6:日本');
  });

  it('an intact chain verifies', () => {
    const rows = chain(5);
    expect(verify(rows, headOf(rows))).toBeNull();
  });

  it('an edited row is found', () => {
    const rows = chain(5);
    const edited = rows.map((r, i) =>
      i === 2 ? { ...r, fields: r.fields.map((f, j) => (j === 6 ? 'consultee.update' : f)) } : r,
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
