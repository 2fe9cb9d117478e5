// Encrypted values: `enc:v1:<key-id>:<base64(nonce || ciphertext)>`, sealed with libsodium's
// secretbox (XSalsa20-Poly1305) and a fresh random nonce per value. The key id in the token lets
// several master keys live side by side during a rotation. Errors never contain the plaintext
// nor the ciphertext: they end up in logs and CI output.

export const TOKEN_PREFIX = 'enc:v1:';
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
/** An `enc:v1:` token anywhere in a text (for rewriting files in place). */
export const TOKEN_IN_TEXT = /enc:v1:[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]+={0,2}/g;
const TOKEN = /^enc:v1:([A-Za-z0-9_-]{1,32}):([A-Za-z0-9+/]+={0,2})$/;

export const KEY_BYTES = 32;
const NONCE_BYTES = 24;
const MAC_BYTES = 16;

export interface MasterKey {
  id: string;
  /** KEY_BYTES bytes. */
  key: Uint8Array;
}

/** A secret that cannot be encrypted or decrypted; the message is safe to print. */
export class SecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretError';
  }
}

type Sodium = (typeof import('libsodium-wrappers'))['default'];
let sodiumReady: Promise<Sodium> | undefined;

// Loaded on first use and initialised once: the WebAssembly module is costly, and most
// commands never decrypt anything.
function sodium(): Promise<Sodium> {
  sodiumReady ??= import('libsodium-wrappers').then(async ({ default: lib }) => {
    await lib.ready;
    return lib;
  });
  return sodiumReady;
}

/** True when `value` looks like an encrypted value (it may still fail to decrypt). */
export function isEncrypted(value: string): boolean {
  return value.startsWith(TOKEN_PREFIX);
}

/** The key id of a well-formed token, or undefined. */
export function tokenKeyId(token: string): string | undefined {
  return TOKEN.exec(token)?.[1];
}

export async function encryptSecret(plain: string, key: MasterKey): Promise<string> {
  const lib = await sodium();
  const nonce = lib.randombytes_buf(NONCE_BYTES);
  const sealed = lib.crypto_secretbox_easy(new TextEncoder().encode(plain), nonce, key.key);
  return `${TOKEN_PREFIX}${key.id}:${Buffer.concat([nonce, sealed]).toString('base64')}`;
}

/** The plaintext of `token`, decrypted with the key its id names among `keys`. */
export async function decryptSecret(token: string, keys: readonly MasterKey[]): Promise<string> {
  const match = TOKEN.exec(token.trim());
  const bytes = match ? Buffer.from(match[2] as string, 'base64') : undefined;
  if (!match || !bytes || bytes.length < NONCE_BYTES + MAC_BYTES) {
    throw new SecretError(`malformed encrypted value (expected ${TOKEN_PREFIX}<key-id>:<base64>)`);
  }
  const id = match[1] as string;
  const key = keys.find((k) => k.id === id);
  if (!key) throw new SecretError(`encrypted with key "${id}", which is not configured (configured: ${describeKeyIds(keys)})`);
  const lib = await sodium();
  let plain: Uint8Array;
  try {
    plain = lib.crypto_secretbox_open_easy(bytes.subarray(NONCE_BYTES), bytes.subarray(0, NONCE_BYTES), key.key);
  } catch {
    throw new SecretError(`cannot decrypt with key "${id}": authentication failed (wrong key material for this id, or the value was altered)`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    throw new SecretError('decrypted value is not UTF-8 text');
  }
}

/** `k1, k2`, or `none` — for messages. */
export function describeKeyIds(keys: readonly MasterKey[]): string {
  return keys.length === 0 ? 'none' : keys.map((k) => k.id).join(', ');
}
