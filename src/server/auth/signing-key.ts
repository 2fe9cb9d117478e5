// The key that signs the HTTP service's access tokens. An operator can pin it through the
// environment (several instances, or a secret manager); otherwise it is generated once and kept
// in the state folder, so tokens survive a restart.

import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../store/atomic-file.js';

export const SIGNING_KEY_ENV = 'CATNET_JWT_SIGNING_KEY';
export const SIGNING_KEY_FILE = 'jwt-signing.key';
/** HS256 keys shorter than the hash (32 bytes) weaken it; 32 characters is the floor we accept. */
const MIN_KEY_CHARS = 32;

/** The JWT signing key: from the environment variable `envName` when it is set and non-empty (must be ≥ 32 characters, else throw Error naming the variable), else `<stateDir>/jwt-signing.key`, created on first use with 32 random bytes (base64url), mode 0600, written atomically; an existing file that is empty or shorter than 32 characters is an error naming the file. */
export async function loadSigningKey(
  stateDir: string,
  env: Record<string, string | undefined>,
  envName: string = SIGNING_KEY_ENV,
): Promise<{ key: string; origin: 'env' | 'file'; file?: string }> {
  const fromEnv = env[envName];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.length < MIN_KEY_CHARS) {
      throw new Error(`${envName} is too short: the JWT signing key needs at least ${MIN_KEY_CHARS} characters (got ${fromEnv.length})`);
    }
    return { key: fromEnv, origin: 'env' };
  }

  const file = join(stateDir, SIGNING_KEY_FILE);
  let content: string | undefined;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (content === undefined) {
    const key = randomBytes(32).toString('base64url');
    await writeFileAtomic(file, key, { mode: 0o600, mkdir: true });
    return { key, origin: 'file', file };
  }
  // Trimmed: an operator who wrote the file with `echo` adds a newline that is not part of the key.
  const key = content.trim();
  if (key.length < MIN_KEY_CHARS) {
    throw new Error(
      `JWT signing key file ${file} is ${key === '' ? 'empty' : `too short (${key.length} characters)`}: ` +
        `it needs at least ${MIN_KEY_CHARS} characters; delete it to have a new key generated (signs out every session)`,
    );
  }
  return { key, origin: 'file', file };
}
