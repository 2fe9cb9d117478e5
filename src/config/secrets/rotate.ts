// Moves every encrypted value of a credentials file to one master key. All values are decrypted
// before anything is written: a rotation that stopped halfway would leave values under a key
// that is about to be retired. Tokens are replaced in the original text, so comments and layout
// survive, and the file is replaced atomically after a backup of the original.

import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ConfigFileError, readFailureReason, type ConfigProblem } from '../config-file-error.js';
import { parseYamlText } from '../yaml-file.js';
import { decryptSecret, encryptSecret, isEncrypted, SecretError, tokenKeyId, type MasterKey } from './box.js';
import { credentialsFileSchema, credentialValues, problemAt } from './credentials-file.js';
import { selectMasterKey } from './keys.js';

export interface RotationResult {
  /** Encrypted values re-encrypted, all now under the new key. */
  values: number;
  /** How many values each old key id held. */
  fromKeys: Record<string, number>;
  backupFile: string;
}

export async function rotateCredentials(file: string, keys: readonly MasterKey[], toKeyId: string, now: Date = new Date()): Promise<RotationResult> {
  const toKey = selectMasterKey(keys, toKeyId);
  let original: Buffer;
  try {
    original = await readFile(file);
  } catch (error) {
    throw new ConfigFileError(file, [{ line: undefined, field: '', message: `cannot read: ${readFailureReason(error)}` }]);
  }
  const text = original.toString('utf8');
  const tokens = credentialValues(parseYamlText(text, file, credentialsFileSchema)).filter((v) => isEncrypted(v.value));

  const plain = new Map<string, string>();
  const problems: ConfigProblem[] = [];
  for (const { value, path } of tokens) {
    try {
      // Replacing in place needs the token as written; a value folded over lines is not.
      if (!text.includes(value)) throw new SecretError('cannot be rewritten in place: write the value on one line');
      plain.set(value, await decryptSecret(value, keys));
    } catch (error) {
      if (!(error instanceof SecretError)) throw error;
      problems.push(problemAt(text, path, error.message));
    }
  }
  if (problems.length > 0) throw new ConfigFileError(file, problems);

  let rotated = text;
  const fromKeys: Record<string, number> = {};
  for (const [token, value] of plain) {
    const id = tokenKeyId(token) as string;
    fromKeys[id] = (fromKeys[id] ?? 0) + 1;
    rotated = rotated.split(token).join(await encryptSecret(value, toKey));
  }

  const backupFile = await writeBackup(file, original, now);
  await writeFileAtomic(file, rotated);
  return { values: plain.size, fromKeys, backupFile };
}

/** `<file>.bak-<UTC timestamp>`, private; never overwrites an earlier backup. */
async function writeBackup(file: string, content: Buffer, now: Date): Promise<string> {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  for (let n = 1; ; n++) {
    const backup = `${file}.bak-${stamp}${n === 1 ? '' : `-${n}`}`;
    try {
      await writePrivate(backup, content, 'wx');
      return backup;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

// A crash leaves either the old file or the new one, never a truncated mix.
async function writeFileAtomic(file: string, content: string): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writePrivate(temp, Buffer.from(content, 'utf8'), 'wx');
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

async function writePrivate(path: string, content: Buffer, flags: string): Promise<void> {
  const handle = await open(path, flags, 0o600);
  try {
    // The umask may have taken bits away, never added: chmod makes 0600 exact either way.
    await handle.chmod(0o600);
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
