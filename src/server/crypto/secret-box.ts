// Authenticated encryption of secrets kept in the database (TOTP seeds now, My
// Number later): AES-256-GCM with a 12-byte random nonce and a 16-byte tag, and
// additional authenticated data naming table|column|row, so that a ciphertext
// copied to another row does not decrypt (ARCHITECTURE rule 7). The key is never
// in the database: it comes from APP_SECRET_KEY or a key file.

import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const FORMAT_VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  static fromKey(key: Buffer): SecretBox {
    if (key.length !== 32) throw new Error('The secret key must be 32 bytes (base64 of 32 random bytes)');
    return new SecretBox(key);
  }

  /**
   * The key from APP_SECRET_KEY (base64) or the key file; the file is created with
   * a random key on first use when `create` is set (the embedded, single-machine case).
   */
  static async load(options: { key: string | null; file: string; create: boolean }): Promise<SecretBox> {
    if (options.key) return SecretBox.fromKey(Buffer.from(options.key, 'base64'));
    try {
      const text = await readFile(options.file, 'utf8');
      return SecretBox.fromKey(Buffer.from(text.trim(), 'base64'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !options.create) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          throw new Error(`No secret key: set APP_SECRET_KEY or create ${options.file} (base64 of 32 random bytes)`);
        }
        throw error;
      }
      await mkdir(path.dirname(options.file), { recursive: true });
      const key = randomBytes(32);
      await writeFile(options.file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
      await chmod(options.file, 0o600);
      return SecretBox.fromKey(key);
    }
  }

  /** A keyed hash under a subkey derived for one use (HKDF), e.g. to key rows by a value without storing it. */
  mac(use: string, data: string): Buffer {
    const subkey = Buffer.from(hkdfSync('sha256', this.key, Buffer.alloc(0), `jiritsu-case:${use}`, 32));
    return createHmac('sha256', subkey).update(data, 'utf8').digest();
  }

  seal(plaintext: Buffer | string, aad: string): Buffer {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([Buffer.from([FORMAT_VERSION]), nonce, cipher.getAuthTag(), body]);
  }

  open(sealed: Buffer, aad: string): Buffer {
    if (sealed.length < 1 + NONCE_BYTES + TAG_BYTES || sealed[0] !== FORMAT_VERSION) {
      throw new Error('Unrecognised sealed value');
    }
    const nonce = sealed.subarray(1, 1 + NONCE_BYTES);
    const tag = sealed.subarray(1 + NONCE_BYTES, 1 + NONCE_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(1 + NONCE_BYTES + TAG_BYTES)), decipher.final()]);
  }
}

export function aadFor(table: string, column: string, tenantId: string, rowId: string): string {
  return `${table}|${column}|${tenantId}|${rowId}`;
}
