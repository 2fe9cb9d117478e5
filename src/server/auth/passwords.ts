// Password hashing for the HTTP service's local users: scrypt from Node's crypto, so no extra
// dependency. The cost parameters are stored with each hash, so they can be raised later
// without invalidating existing hashes.

import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const COST = { N: 16384, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Bounds on parameters read back from storage: a corrupt hash must not make a login allocate gigabytes or spin for minutes. */
const MAX = { N: 2 ** 20, r: 32, p: 16, keyBytes: 128, memory: 256 * 1024 * 1024 };
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function scrypt(password: string, salt: Buffer, keyBytes: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFC'), salt, keyBytes, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** scrypt needs about 128·N·r bytes; Node's default maxmem (32 MiB) is just short of that for N=16384 r=8, so leave room. */
function costOptions(N: number, r: number, p: number): ScryptOptions {
  return { N, r, p, maxmem: 128 * N * r + 16 * 1024 * 1024 };
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scrypt(password, salt, KEY_BYTES, costOptions(COST.N, COST.r, COST.p));
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

interface StoredHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function positiveInt(text: string | undefined, max: number): number | undefined {
  if (text === undefined || !/^[1-9][0-9]{0,9}$/.test(text)) return undefined;
  const value = Number(text);
  return value <= max ? value : undefined;
}

function parseStored(stored: string): StoredHash | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const N = positiveInt(parts[1], MAX.N);
  const r = positiveInt(parts[2], MAX.r);
  const p = positiveInt(parts[3], MAX.p);
  const [salt64, key64] = [parts[4] ?? '', parts[5] ?? ''];
  if (N === undefined || N < 2 || (N & (N - 1)) !== 0 || r === undefined || p === undefined) return undefined;
  if (128 * N * r > MAX.memory) return undefined;
  if (!BASE64.test(salt64) || !BASE64.test(key64)) return undefined;
  const salt = Buffer.from(salt64, 'base64');
  const key = Buffer.from(key64, 'base64');
  if (key.length < 16 || key.length > MAX.keyBytes) return undefined;
  return { N, r, p, salt, key };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStored(stored);
  if (!parsed) return false;
  try {
    const key = await scrypt(password, parsed.salt, parsed.key.length, costOptions(parsed.N, parsed.r, parsed.p));
    return timingSafeEqual(key, parsed.key);
  } catch {
    return false;
  }
}

/** Spends the same time as a real verification, for a login with an unknown user name (no user enumeration by timing). */
export async function verifyDummy(password: string): Promise<false> {
  // Same work as verifyPassword on a current hash: one scrypt at today's cost and a constant-time compare.
  const key = await scrypt(password, randomBytes(SALT_BYTES), KEY_BYTES, costOptions(COST.N, COST.r, COST.p));
  timingSafeEqual(key, Buffer.alloc(KEY_BYTES));
  return false;
}

export class WeakPasswordError extends Error {
  override name = 'WeakPasswordError';
}

const MIN_LENGTH = 12;

/** Minimum policy for new passwords: ≥ 12 characters, not all the same character, not equal to the user name; throws WeakPasswordError with a clear message. */
export function checkPasswordPolicy(password: string, user: string): void {
  // Count code points, not UTF-16 units, so an emoji is one character as a person would count it.
  const chars = [...password];
  if (chars.length < MIN_LENGTH) {
    throw new WeakPasswordError(`password too short: at least ${MIN_LENGTH} characters are required (got ${chars.length})`);
  }
  if (chars.every((c) => c === chars[0])) {
    throw new WeakPasswordError('password is a single character repeated; choose a less predictable one');
  }
  if (password.toLowerCase() === user.toLowerCase()) {
    throw new WeakPasswordError(`password must not be the user name "${user}"`);
  }
}
