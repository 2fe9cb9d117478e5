// credentials.yaml: named login sets whose secrets are stored encrypted, so the file can live in
// Git next to the inventory. Loading decrypts every value, registers each with the redaction
// module (no log, transcript or PR comment can then leak it), and reports every value that
// cannot be decrypted at once, with its line.

import { z } from 'zod';
import { registerSecret } from '../../obs/redact.js';
import { ConfigFileError, type ConfigProblem } from '../config-file-error.js';
import { parseYamlText, problemAt, readConfigText } from '../yaml-file.js';
import { decryptSecret, isEncrypted, SecretError, type MasterKey } from './box.js';

export interface Credential {
  /** How reports name this set (`default`, `break-glass`); never a secret. */
  name: string;
  username: string;
  password: string;
  enableSecret?: string;
  /** OpenSSH private key, PEM text. */
  privateKey?: string;
}

const NAME = /^[A-Za-z0-9._-]+$/;
const NOT_ENCRYPTED = 'not encrypted; encrypt it with `catnet secrets encrypt`';
const encrypted = z.string().min(1).refine(isEncrypted, NOT_ENCRYPTED);

const credentialSchema = z.strictObject({
  username: z.string().min(1),
  password: encrypted,
  enable_secret: encrypted.optional(),
  private_key: encrypted.optional(),
});

export const credentialsFileSchema = z.strictObject({
  credentials: z.record(z.string(), credentialSchema).superRefine((sets, ctx) => {
    const names = Object.keys(sets);
    if (names.length === 0) ctx.addIssue({ code: 'custom', message: 'no credential sets' });
    for (const name of names.filter((n) => !NAME.test(n))) {
      ctx.addIssue({ code: 'custom', path: [name], message: 'invalid name: use letters, digits, ".", "_" or "-"' });
    }
  }),
});

type CredentialsFile = z.output<typeof credentialsFileSchema>;
type Field = keyof CredentialsFile['credentials'][string];
const FIELDS: readonly [Field, CredentialValue['property']][] = [
  ['username', 'username'],
  ['password', 'password'],
  ['enable_secret', 'enableSecret'],
  ['private_key', 'privateKey'],
];

/** Every credential set by name, decrypted; throws ConfigFileError listing every problem. */
export async function loadCredentials(file: string, keys: readonly MasterKey[]): Promise<Map<string, Credential>> {
  const { credentials, problems } = await readCredentials(file, keys);
  if (problems.length > 0) throw new ConfigFileError(file, problems);
  return credentials;
}

/** Every problem of the file: unreadable, invalid, or values that do not decrypt. Empty when fine. */
export async function checkCredentials(file: string, keys: readonly MasterKey[]): Promise<ConfigProblem[]> {
  return (await readCredentials(file, keys)).problems;
}

/** The text of a credentials file, checked against the schema. */
export async function parseCredentialsFile(file: string): Promise<{ text: string; data: CredentialsFile }> {
  const text = await readConfigText(file);
  return { text, data: parseYamlText(text, file, credentialsFileSchema) };
}

async function readCredentials(file: string, keys: readonly MasterKey[]): Promise<{ credentials: Map<string, Credential>; problems: ConfigProblem[] }> {
  let parsed: Awaited<ReturnType<typeof parseCredentialsFile>>;
  try {
    parsed = await parseCredentialsFile(file);
  } catch (error) {
    if (error instanceof ConfigFileError) return { credentials: new Map(), problems: error.problems };
    throw error;
  }
  const { text, data } = parsed;
  const credentials = new Map<string, Partial<Credential>>();
  const problems: ConfigProblem[] = [];
  for (const { name, property, value, path } of credentialValues(data)) {
    const credential = credentials.get(name) ?? { name };
    credentials.set(name, credential);
    if (!isEncrypted(value)) {
      credential[property] = value;
      continue;
    }
    try {
      const plain = await decryptSecret(value, keys);
      registerSecret(plain);
      credential[property] = plain;
    } catch (error) {
      if (!(error instanceof SecretError)) throw error;
      problems.push(problemAt(text, path, error.message));
    }
  }
  return { credentials: credentials as Map<string, Credential>, problems };
}

export interface CredentialValue {
  /** The credential set's name. */
  name: string;
  property: Exclude<keyof Credential, 'name'>;
  /** As written in the file: plain or an `enc:v1:` token. */
  value: string;
  /** `['credentials', name, field]`. */
  path: string[];
}

/** Every value of the file, with where it sits. */
export function credentialValues(data: CredentialsFile): CredentialValue[] {
  return Object.entries(data.credentials).flatMap(([name, set]) =>
    FIELDS.flatMap(([field, property]) => {
      const value = set[field];
      return value === undefined ? [] : [{ name, property, value, path: ['credentials', name, field] }];
    }),
  );
}
