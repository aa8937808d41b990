// Password hashing with argon2id at the OWASP-recommended cost (m=19 MiB, t=2, p=1).

import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { normalizePassword } from '../../core/password-policy.js';

const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export async function hashPassword(password: string): Promise<string> {
  return hash(normalizePassword(password), OPTIONS);
}

/** A hash of nothing anyone knows, verified when a login does not exist, so that timing tells nothing. */
let dummy: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  dummy ??= hashPassword(randomBytes(24).toString('hex'));
  const target = passwordHash ?? (await dummy);
  try {
    const ok = await verify(target, normalizePassword(password));
    return ok && passwordHash !== null;
  } catch {
    return false;
  }
}

/**
 * A one-time password for a new account or a reset: 20 characters from an
 * alphabet without look-alikes (no 0/O, 1/l/I), about 100 bits.
 */
export function oneTimePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(40);
  let out = '';
  for (const b of bytes) {
    if (b < alphabet.length * Math.floor(256 / alphabet.length)) out += alphabet[b % alphabet.length];
    if (out.length === 20) break;
  }
  return out.length === 20 ? out : oneTimePassword();
}
