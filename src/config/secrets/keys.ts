// Master keys: `<key-id>:<base64 of 32 bytes>`, from CATNET_MASTER_KEY and/or a key file. Several
// keys at once let old values still decrypt while a rotation moves them to a new key; the first
// key listed encrypts new values. Errors name where a bad key came from, never its material.

import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { readFailureReason } from '../config-file-error.js';
import { describeKeyIds, KEY_BYTES, KEY_ID_PATTERN, SecretError, type MasterKey } from './box.js';

export const MASTER_KEY_ENV = 'CATNET_MASTER_KEY';
export const MASTER_KEY_FILE_ENV = 'CATNET_MASTER_KEY_FILE';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export interface MasterKeySources {
  env: Readonly<Record<string, string | undefined>>;
  /** A key file; when absent, CATNET_MASTER_KEY_FILE names it. */
  keyFile?: string | undefined;
}

/** Every configured key, the default (for new encryptions) first. Throws SecretError when there is none. */
export async function loadMasterKeys(sources: MasterKeySources): Promise<MasterKey[]> {
  const entries: { source: string; text: string }[] = [];
  const fromEnv = sources.env[MASTER_KEY_ENV] ?? '';
  fromEnv
    .split(/[\s,]+/)
    .filter((text) => text !== '')
    .forEach((text, i) => entries.push({ source: `${MASTER_KEY_ENV}: key ${i + 1}`, text }));

  const problems: string[] = [];
  const keyFile = sources.keyFile ?? nonEmpty(sources.env[MASTER_KEY_FILE_ENV]);
  if (keyFile !== undefined) {
    try {
      entries.push(...keyFileEntries(keyFile, await readFile(keyFile, 'utf8')));
    } catch (error) {
      problems.push(`${keyFile}: cannot read the master key file: ${readFailureReason(error)}`);
    }
  }

  const keys: MasterKey[] = [];
  for (const { source, text } of entries) {
    const parsed = parseMasterKey(text);
    if (typeof parsed === 'string') {
      problems.push(`${source}: ${parsed}`);
      continue;
    }
    const same = keys.find((k) => k.id === parsed.id);
    // The same key given twice (env and file) is harmless; two keys under one id are not.
    if (same && !Buffer.from(same.key).equals(parsed.key)) problems.push(`${source}: key id "${parsed.id}" is already used by another key`);
    if (!same) keys.push(parsed);
  }
  if (problems.length > 0) throw new SecretError(problems.join('\n'));
  if (keys.length === 0) {
    throw new SecretError(`no master key: set ${MASTER_KEY_ENV}, or ${MASTER_KEY_FILE_ENV} or --key-file to a key file (create a key with \`catnet secrets keygen\`)`);
  }
  return keys;
}

/** The key with id `id`, or the default key. */
export function selectMasterKey(keys: readonly MasterKey[], id?: string): MasterKey {
  const key = id === undefined ? keys[0] : keys.find((k) => k.id === id);
  if (!key) throw new SecretError(`master key "${id}" is not configured (configured: ${describeKeyIds(keys)})`);
  return key;
}

/** A new random key line, `<id>:<base64>`. */
export function generateMasterKey(id: string): string {
  if (!KEY_ID_PATTERN.test(id)) throw new SecretError(`invalid key id "${id}": use 1 to 32 letters, digits, "_" or "-"`);
  return `${id}:${randomBytes(KEY_BYTES).toString('base64')}`;
}

// One key per line; `#` starts a comment (base64 never contains it).
function keyFileEntries(file: string, text: string): { source: string; text: string }[] {
  return text.split('\n').flatMap((line, i) => {
    const content = (line.split('#')[0] as string).trim();
    if (content === '') return [];
    return [{ source: `${file}:${i + 1}`, text: content }];
  });
}

/** The key, or why `text` is not one (without repeating it). */
function parseMasterKey(text: string): MasterKey | string {
  const expected = 'expected <key-id>:<base64 of 32 bytes>, one key per line';
  if (/\s/.test(text)) return `several values on one line (${expected})`;
  const colon = text.indexOf(':');
  if (colon < 0) return `not a master key (${expected})`;
  const id = text.slice(0, colon);
  const material = text.slice(colon + 1);
  if (!KEY_ID_PATTERN.test(id)) return `invalid key id: use 1 to 32 letters, digits, "_" or "-" (${expected})`;
  const key = BASE64.test(material) && material.length % 4 === 0 ? Buffer.from(material, 'base64') : undefined;
  if (!key || key.length !== KEY_BYTES) return `key "${id}": the key material is not base64 of ${KEY_BYTES} bytes`;
  return { id, key: new Uint8Array(key) };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
