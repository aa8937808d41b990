// Sealing My Number (ARCHITECTURE rule 7, PRV-4, RET-3): AES-256-GCM from
// node:crypto with a 12-byte random IV and a 16-byte tag, and additional
// authenticated data naming table|column|row id so that a ciphertext copied to
// another row or column does not open. The keys are never in the database: they
// come from MY_NUMBER_KEYS (JSON) or the file named by MY_NUMBER_KEY_FILE, as a key
// ring so that the key can be rotated: new values are sealed under the current key,
// old values still open under the key id stored beside them until re-sealed.
// Errors never carry key material or plaintext.

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export interface KeyRing {
  currentKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
}

export interface SealedValue {
  keyId: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

/** The additional authenticated data for a sealed column value: table|column|row id. */
export function sealAad(table: string, column: string, rowId: string): string {
  for (const part of [table, column, rowId]) {
    if (part === '' || part.includes('|')) throw new Error('AAD parts must be non-empty and contain no "|"');
  }
  return `${table}|${column}|${rowId}`;
}

function keyOf(ring: KeyRing, keyId: string): Buffer {
  const key = ring.keys.get(keyId);
  if (!key) throw new Error(`Unknown My Number key id "${keyId}": the key ring does not hold it`);
  if (key.length !== KEY_BYTES) throw new Error(`My Number key "${keyId}" is not ${KEY_BYTES} bytes`);
  return key;
}

export function seal(ring: KeyRing, plaintext: string, aad: string): SealedValue {
  if (aad === '') throw new Error('Sealing needs AAD (table|column|row id)');
  const key = keyOf(ring, ring.currentKeyId);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { keyId: ring.currentKeyId, iv, ciphertext, tag: cipher.getAuthTag() };
}

/** Opens a sealed value; throws on an unknown key id, a wrong AAD, or any tampering. */
export function unseal(ring: KeyRing, sealed: SealedValue, aad: string): string {
  const key = keyOf(ring, sealed.keyId);
  if (sealed.iv.length !== IV_BYTES)
    throw new Error(`Sealed My Number has an IV of ${sealed.iv.length} bytes, not ${IV_BYTES}`);
  if (sealed.tag.length !== TAG_BYTES) {
    throw new Error(`Sealed My Number has a tag of ${sealed.tag.length} bytes, not ${TAG_BYTES}`);
  }
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.tag);
  try {
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new Error(
      `Sealed My Number failed authentication under key "${sealed.keyId}": wrong AAD (table|column|row id), wrong key, or the value was altered`,
    );
  }
}

/** Re-seals a value under the current key (key rotation); a value already under it is returned as is. */
export function reseal(ring: KeyRing, sealed: SealedValue, aad: string): SealedValue {
  if (sealed.keyId === ring.currentKeyId) return sealed;
  return seal(ring, unseal(ring, sealed, aad), aad);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses `{ "current": "<id>", "keys": { "<id>": "<base64 of 32 bytes>" } }`,
 * strictly: no other properties, ids of letters, digits, `.`, `_` and `-`, every key
 * canonical base64 of exactly 32 bytes, and the current id among the keys.
 */
export function parseKeyRing(text: string): KeyRing {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('The My Number key ring is not valid JSON');
  }
  if (!isPlainObject(parsed)) throw new Error('The My Number key ring must be a JSON object');
  const extra = Object.keys(parsed).filter((k) => k !== 'current' && k !== 'keys');
  if (extra.length > 0) throw new Error(`The My Number key ring has unknown properties: ${extra.join(', ')}`);
  const { current, keys } = parsed;
  if (typeof current !== 'string' || !KEY_ID.test(current)) {
    throw new Error('The My Number key ring needs "current": a key id of letters, digits, ".", "_" or "-"');
  }
  if (!isPlainObject(keys) || Object.keys(keys).length === 0) {
    throw new Error('The My Number key ring needs "keys": an object of key id → base64 key');
  }
  const ring = new Map<string, Buffer>();
  for (const [id, value] of Object.entries(keys)) {
    if (!KEY_ID.test(id)) throw new Error(`My Number key id "${id}" may hold only letters, digits, ".", "_" and "-"`);
    if (typeof value !== 'string' || !BASE64.test(value)) throw new Error(`My Number key "${id}" is not base64`);
    const key = Buffer.from(value, 'base64');
    if (key.length !== KEY_BYTES || key.toString('base64') !== value) {
      throw new Error(`My Number key "${id}" must be base64 of exactly ${KEY_BYTES} bytes`);
    }
    ring.set(id, key);
  }
  if (!ring.has(current)) throw new Error(`The current My Number key "${current}" is not among the keys`);
  return { currentKeyId: current, keys: ring };
}

export function serializeKeyRing(ring: KeyRing): string {
  const keys: Record<string, string> = {};
  for (const [id, key] of ring.keys) keys[id] = key.toString('base64');
  return JSON.stringify({ current: ring.currentKeyId, keys }, null, 2);
}

/**
 * The key ring from MY_NUMBER_KEYS (the JSON itself) or from the file named by
 * MY_NUMBER_KEY_FILE; null when neither is set, and the caller then refuses every
 * My Number operation. Setting both is an error rather than a silent choice.
 */
export async function loadKeyRing(options: {
  env: Readonly<Record<string, string | undefined>>;
  readFile: (path: string) => string | Promise<string>;
}): Promise<KeyRing | null> {
  const json = options.env.MY_NUMBER_KEYS?.trim() || null;
  const file = options.env.MY_NUMBER_KEY_FILE?.trim() || null;
  if (json && file) throw new Error('Set either MY_NUMBER_KEYS or MY_NUMBER_KEY_FILE, not both');
  if (json) return parseKeyRing(json);
  if (file) return parseKeyRing(await options.readFile(file));
  return null;
}

/**
 * A ring with a fresh random key made current; the keys of `existing` are kept so
 * that values sealed under them still open and can be re-sealed. The id starts with
 * the UTC date, so the age of a key shows in its id.
 */
export function generateKeyRing(existing?: KeyRing | null, now: Date = new Date()): { ring: KeyRing; json: string } {
  const keys = new Map<string, Buffer>();
  for (const [id, key] of existing?.keys ?? []) keys.set(id, Buffer.from(key));
  let id: string;
  do id = `${now.toISOString().slice(0, 10)}-${randomBytes(4).toString('hex')}`;
  while (keys.has(id));
  keys.set(id, randomBytes(KEY_BYTES));
  const ring: KeyRing = { currentKeyId: id, keys };
  return { ring, json: serializeKeyRing(ring) };
}
