// Moves every encrypted value of a credentials file to one master key. All values are decrypted
// before anything is written: a rotation that stopped halfway would leave values under a key
// that is about to be retired. Tokens are replaced in the original text, so comments and layout
// survive, and the file is replaced atomically after a backup of the original.

import { writeFileAtomic, writeNewFile } from '../../store/atomic-file.js';
import { ConfigFileError, type ConfigProblem } from '../config-file-error.js';
import { parseYamlText, problemAt, readConfigText } from '../yaml-file.js';
import { decryptSecret, encryptSecret, isEncrypted, SecretError, tokenKeyId, type MasterKey } from './box.js';
import { credentialsFileSchema, credentialValues } from './credentials-file.js';
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
  const text = await readConfigText(file);
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

  const backupFile = await writeBackup(file, text, now);
  await writeFileAtomic(file, rotated);
  return { values: plain.size, fromKeys, backupFile };
}

/** `<file>.bak-<UTC timestamp>`, private; never overwrites an earlier backup. */
async function writeBackup(file: string, content: string, now: Date): Promise<string> {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  for (let n = 1; ; n++) {
    const backup = `${file}.bak-${stamp}${n === 1 ? '' : `-${n}`}`;
    try {
      await writeNewFile(backup, content);
      return backup;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
