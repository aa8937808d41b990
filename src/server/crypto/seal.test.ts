import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  generateKeyRing,
  loadKeyRing,
  parseKeyRing,
  reseal,
  seal,
  sealAad,
  serializeKeyRing,
  unseal,
  type KeyRing,
  type SealedValue,
} from './seal.js';

const NUMBER = '123456789018';
const AAD = sealAad('my_numbers', 'value', 'row-1');
const KEY_A = Buffer.alloc(32, 1).toString('base64');
const KEY_B = Buffer.alloc(32, 2).toString('base64');

const ring = (): KeyRing => parseKeyRing(JSON.stringify({ current: 'a', keys: { a: KEY_A } }));

/** The message of the error `fn` throws; fails the test when it throws none. */
function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

function flip(buffer: Buffer, index: number): Buffer {
  const copy = Buffer.from(buffer);
  copy[index] = (copy[index] ?? 0) ^ 0x01;
  return copy;
}

describe('[PRV-4][RET-3] My Number is sealed with AES-256-GCM (rule 7)', () => {
  it('round trip, under the current key, with a 12-byte IV and a 16-byte tag', () => {
    const sealed = seal(ring(), NUMBER, AAD);
    expect(sealed.keyId).toBe('a');
    expect(sealed.iv).toHaveLength(12);
    expect(sealed.tag).toHaveLength(16);
    expect(sealed.ciphertext).toHaveLength(NUMBER.length);
    expect(unseal(ring(), sealed, AAD)).toBe(NUMBER);
  });

  it('round trip of non-ASCII text', () => {
    expect(unseal(ring(), seal(ring(), '１２３４　番号', AAD), AAD)).toBe('１２３４　番号');
  });

  it('the AAD is table|column|row id, and refuses ambiguous parts', () => {
    expect(AAD).toBe('my_numbers|value|row-1');
    expect(() => sealAad('t', 'c|x', 'r')).toThrow(/AAD/);
    expect(() => sealAad('t', 'c', '')).toThrow(/AAD/);
    expect(() => seal(ring(), NUMBER, '')).toThrow(/AAD/);
  });

  it('the same number sealed twice gives different IVs and ciphertexts', () => {
    const one = seal(ring(), NUMBER, AAD);
    const two = seal(ring(), NUMBER, AAD);
    expect(one.iv.equals(two.iv)).toBe(false);
    expect(one.ciphertext.equals(two.ciphertext)).toBe(false);
  });

  it('the sealed value holds none of the digits of the number in any form', () => {
    for (let i = 0; i < 20; i++) {
      const sealed = seal(ring(), NUMBER, AAD);
      const all = Buffer.concat([sealed.iv, sealed.ciphertext, sealed.tag]);
      // No run of four of the number's digits, as ASCII bytes, anywhere in the raw bytes.
      for (let at = 0; at + 4 <= NUMBER.length; at++) {
        expect(all.includes(Buffer.from(NUMBER.slice(at, at + 4), 'latin1'))).toBe(false);
      }
      for (const text of [
        all.toString('latin1'),
        all.toString('hex'),
        all.toString('base64'),
        JSON.stringify(sealed),
      ]) {
        expect(text).not.toContain(NUMBER);
      }
    }
  });

  it.each<[string, (s: SealedValue) => SealedValue, string]>([
    ['another row', (s) => s, sealAad('my_numbers', 'value', 'row-2')],
    ['another column', (s) => s, sealAad('my_numbers', 'other', 'row-1')],
    ['another table', (s) => s, sealAad('other', 'value', 'row-1')],
    ['a tampered ciphertext', (s) => ({ ...s, ciphertext: flip(s.ciphertext, 0) }), AAD],
    ['a truncated ciphertext', (s) => ({ ...s, ciphertext: s.ciphertext.subarray(1) }), AAD],
    ['a tampered tag', (s) => ({ ...s, tag: flip(s.tag, 15) }), AAD],
    ['a tampered IV', (s) => ({ ...s, iv: flip(s.iv, 3) }), AAD],
  ])('%s fails authentication', (_label, alter, aad) => {
    const sealed = alter(seal(ring(), NUMBER, AAD));
    expect(() => unseal(ring(), sealed, aad)).toThrow(/failed authentication/);
  });

  it.each<[string, (s: SealedValue) => SealedValue, RegExp]>([
    ['an unknown key id', (s) => ({ ...s, keyId: 'zz' }), /Unknown My Number key id "zz"/],
    ['a short tag', (s) => ({ ...s, tag: s.tag.subarray(0, 12) }), /tag of 12 bytes/],
    ['a short IV', (s) => ({ ...s, iv: s.iv.subarray(0, 8) }), /IV of 8 bytes/],
  ])('%s is refused clearly', (_label, alter, error) => {
    expect(() => unseal(ring(), alter(seal(ring(), NUMBER, AAD)), AAD)).toThrow(error);
  });

  it('a value sealed under another key with the same id does not open', () => {
    const other = parseKeyRing(JSON.stringify({ current: 'a', keys: { a: KEY_B } }));
    expect(() => unseal(other, seal(ring(), NUMBER, AAD), AAD)).toThrow(/failed authentication/);
  });

  it('an error never carries the key or the number', () => {
    const message = thrown(() => unseal(ring(), { ...seal(ring(), NUMBER, AAD), tag: Buffer.alloc(16) }, AAD));
    expect(message).toMatch(/failed authentication/);
    expect(message).not.toContain(NUMBER);
    expect(message).not.toContain(KEY_A);
  });
});

describe('[PRV-4] key rotation', () => {
  it('a new key becomes current; old values still open, and re-seal under the new key', () => {
    const before = ring();
    const old = seal(before, NUMBER, AAD);
    const { ring: after, json } = generateKeyRing(before, new Date('2026-06-01T09:00:00Z'));
    expect(after.currentKeyId).toMatch(/^2026-06-01-[0-9a-f]{8}$/);
    expect([...after.keys.keys()]).toEqual(['a', after.currentKeyId]);
    expect(after.keys.get('a')?.equals(before.keys.get('a') as Buffer)).toBe(true);
    expect(after.keys.get(after.currentKeyId)).toHaveLength(32);

    expect(unseal(after, old, AAD)).toBe(NUMBER);
    const fresh = seal(after, NUMBER, AAD);
    expect(fresh.keyId).toBe(after.currentKeyId);
    expect(() => unseal(before, fresh, AAD)).toThrow(/Unknown My Number key id/);

    const resealed = reseal(after, old, AAD);
    expect(resealed.keyId).toBe(after.currentKeyId);
    expect(unseal(after, resealed, AAD)).toBe(NUMBER);
    expect(reseal(after, resealed, AAD)).toBe(resealed);

    // The JSON says the same and parses back.
    const parsed = parseKeyRing(json);
    expect(parsed.currentKeyId).toBe(after.currentKeyId);
    expect(unseal(parsed, fresh, AAD)).toBe(NUMBER);
    expect(unseal(parsed, old, AAD)).toBe(NUMBER);
  });

  it('a first ring has one key', () => {
    const { ring: first, json } = generateKeyRing();
    expect(first.keys.size).toBe(1);
    expect(first.keys.get(first.currentKeyId)).toHaveLength(32);
    expect(serializeKeyRing(parseKeyRing(json))).toBe(json);
  });

  it('two new keys differ', () => {
    const one = generateKeyRing().ring;
    const two = generateKeyRing(one).ring;
    expect(two.keys.size).toBe(2);
    expect(two.keys.get(two.currentKeyId)?.equals(one.keys.get(one.currentKeyId) as Buffer)).toBe(false);
  });
});

describe('[PRV-4] the key ring is parsed strictly', () => {
  it('a valid ring with two keys', () => {
    const parsed = parseKeyRing(JSON.stringify({ current: 'k2', keys: { k1: KEY_A, k2: KEY_B } }));
    expect(parsed.currentKeyId).toBe('k2');
    expect([...parsed.keys.keys()]).toEqual(['k1', 'k2']);
    expect(parsed.keys.get('k1')).toEqual(Buffer.alloc(32, 1));
  });

  it.each([
    ['not JSON', '{current: a}', /not valid JSON/],
    ['an array', '[]', /JSON object/],
    ['null', 'null', /JSON object/],
    ['no current', JSON.stringify({ keys: { a: KEY_A } }), /"current"/],
    ['a blank current', JSON.stringify({ current: '', keys: { a: KEY_A } }), /"current"/],
    ['current not among the keys', JSON.stringify({ current: 'b', keys: { a: KEY_A } }), /"b" is not among/],
    ['no keys', JSON.stringify({ current: 'a' }), /"keys"/],
    ['empty keys', JSON.stringify({ current: 'a', keys: {} }), /"keys"/],
    ['keys as an array', JSON.stringify({ current: 'a', keys: [KEY_A] }), /"keys"/],
    [
      'an unknown property',
      JSON.stringify({ current: 'a', keys: { a: KEY_A }, curent: 'a' }),
      /unknown properties: curent/,
    ],
    ['a key id with a space', JSON.stringify({ current: 'a', keys: { a: KEY_A, 'b c': KEY_B } }), /key id "b c"/],
    [
      'a key of 16 bytes',
      JSON.stringify({ current: 'a', keys: { a: randomBytes(16).toString('base64') } }),
      /exactly 32/,
    ],
    [
      'a key of 33 bytes',
      JSON.stringify({ current: 'a', keys: { a: randomBytes(33).toString('base64') } }),
      /exactly 32/,
    ],
    [
      'a key that is not base64',
      JSON.stringify({ current: 'a', keys: { a: `${KEY_A.slice(0, 40)}!!!=` } }),
      /not base64/,
    ],
    ['a key with a line break', JSON.stringify({ current: 'a', keys: { a: `${KEY_A}\n` } }), /not base64/],
    ['a key as hex', JSON.stringify({ current: 'a', keys: { a: Buffer.alloc(32, 1).toString('hex') } }), /exactly 32/],
    ['a key as a number', JSON.stringify({ current: 'a', keys: { a: 42 } }), /not base64/],
  ])('%s → error', (_label, text, error) => {
    expect(() => parseKeyRing(text)).toThrow(error);
  });

  it('an error names the key id, never the key', () => {
    const bad = randomBytes(31).toString('base64');
    const message = thrown(() => parseKeyRing(JSON.stringify({ current: 'a', keys: { a: bad } })));
    expect(message).toContain('"a"');
    expect(message).not.toContain(bad);
  });
});

describe('[PRV-4] the key ring is loaded from the environment or a file', () => {
  const json = JSON.stringify({ current: 'a', keys: { a: KEY_A } });
  const files: Record<string, string> = { '/etc/jiritsu/my-number-keys.json': `${json}\n` };
  const readFile = (path: string): Promise<string> => {
    const text = files[path];
    return text === undefined ? Promise.reject(new Error(`ENOENT: ${path}`)) : Promise.resolve(text);
  };

  it('from MY_NUMBER_KEYS', async () => {
    const loaded = await loadKeyRing({ env: { MY_NUMBER_KEYS: json }, readFile });
    expect(loaded?.currentKeyId).toBe('a');
  });

  it('from the file named by MY_NUMBER_KEY_FILE', async () => {
    const loaded = await loadKeyRing({ env: { MY_NUMBER_KEY_FILE: '/etc/jiritsu/my-number-keys.json' }, readFile });
    expect(loaded?.keys.get('a')).toEqual(Buffer.alloc(32, 1));
  });

  it('with a synchronous reader', async () => {
    const loaded = await loadKeyRing({ env: { MY_NUMBER_KEY_FILE: 'keys.json' }, readFile: () => json });
    expect(loaded?.currentKeyId).toBe('a');
  });

  it.each([[{}], [{ MY_NUMBER_KEYS: '' }], [{ MY_NUMBER_KEYS: '  ', MY_NUMBER_KEY_FILE: '' }]])(
    'null when neither is set: %j',
    async (env) => {
      expect(await loadKeyRing({ env, readFile })).toBeNull();
    },
  );

  it('both set is an error', async () => {
    await expect(
      loadKeyRing({ env: { MY_NUMBER_KEYS: json, MY_NUMBER_KEY_FILE: '/etc/jiritsu/my-number-keys.json' }, readFile }),
    ).rejects.toThrow(/not both/);
  });

  it('a missing file or a bad ring is an error, not null', async () => {
    await expect(loadKeyRing({ env: { MY_NUMBER_KEY_FILE: '/nowhere' }, readFile })).rejects.toThrow(/ENOENT/);
    await expect(loadKeyRing({ env: { MY_NUMBER_KEYS: '{}' }, readFile })).rejects.toThrow(/"current"/);
  });
});
