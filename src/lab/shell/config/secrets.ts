// Secrets as IOS stores them: a clear-text secret is never kept, only a type 9 hash. The lab
// derives the hash deterministically from what it hashes (real IOS uses scrypt with a random
// salt), so that tests and configs are reproducible.

import { createHash } from 'node:crypto';

/** Cisco's base64 alphabet. */
const ALPHABET = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `length` characters from a digest long enough for them (SHA-512: 64 bytes). */
function encode(bytes: Uint8Array, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[(bytes[i] as number) % 64];
  return out;
}

/** `$9$<14-char salt>$<43-char hash>` for `secret` of `owner` (a user name, or `enable`). */
function type9Hash(owner: string, secret: string): string {
  const salt = encode(createHash('sha512').update(`salt:${owner}`).digest(), 14);
  const hash = encode(createHash('sha512').update(`${salt}:${secret}`).digest(), 43);
  return `$9$${salt}$${hash}`;
}

/** The stored form of `secret [TYPE] VALUE`: types 5, 8 and 9 are hashes already; 0 (or none) is hashed. */
export function storedSecret(owner: string, type: string | undefined, value: string): string {
  return type === undefined || type === '0' ? `9 ${type9Hash(owner, value)}` : `${type} ${value}`;
}
