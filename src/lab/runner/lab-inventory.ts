// `catnet lab start --write-inventory PATH`: a real catnet.config.yaml for the running lab, and
// beside it the credentials.yaml it names, with the lab login encrypted like any other. CatNet
// then reaches the lab exactly as it reaches real devices: no lab-only format to maintain.

import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { encryptSecret, type MasterKey } from '../../config/secrets/box.js';
import { loadMasterKeys, MASTER_KEY_ENV, MASTER_KEY_FILE_ENV } from '../../config/secrets/keys.js';
import { DEMO_MASTER_KEY } from './demo-key.js';
import type { RunningLab } from './lab.js';

/** The credentials set every written lab device uses. */
export const LAB_CREDENTIALS_SET = 'lab';

export interface WrittenInventory {
  inventoryFile: string;
  credentialsFile: string;
  /** Id of the master key the secrets are encrypted with. */
  keyId: string;
  /** True when no key was configured and the public demo key was used. */
  demoKey: boolean;
}

/** `lab.yaml` → `lab.credentials.yaml`, next to it. */
export function credentialsFileFor(inventoryFile: string): string {
  return `${inventoryFile.replace(/\.ya?ml$/i, '')}.credentials.yaml`;
}

/**
 * The key to encrypt with: the first configured one (a broken configuration is an error, not a
 * silent fall back), else the demo key, so that a first try needs no key setup.
 */
export async function labMasterKey(env: Readonly<Record<string, string | undefined>>, keyFile?: string): Promise<{ key: MasterKey; demo: boolean }> {
  const configured = keyFile !== undefined || [MASTER_KEY_ENV, MASTER_KEY_FILE_ENV].some((name) => (env[name] ?? '').trim() !== '');
  if (configured) return { key: (await loadMasterKeys({ env, keyFile }))[0] as MasterKey, demo: false };
  const [demo] = await loadMasterKeys({ env: { [MASTER_KEY_ENV]: DEMO_MASTER_KEY } });
  return { key: demo as MasterKey, demo: true };
}

export async function writeLabInventory(
  inventoryFile: string,
  lab: RunningLab,
  startedAt: Date,
  keys: { env: Readonly<Record<string, string | undefined>>; keyFile?: string },
): Promise<WrittenInventory> {
  const { key, demo } = await labMasterKey(keys.env, keys.keyFile);
  const credentialsFile = credentialsFileFor(inventoryFile);
  // Encrypted, but still this run's login: readable by its owner only.
  await writeFile(credentialsFile, await labCredentialsYaml(lab, key), { mode: 0o600 });
  await writeFile(inventoryFile, labInventoryYaml(lab, startedAt, basename(credentialsFile)));
  return { inventoryFile, credentialsFile, keyId: key.id, demoKey: demo };
}

/** catnet.config.yaml for the lab: every device over SSH, logging in with the `lab` set. */
export function labInventoryYaml(lab: RunningLab, startedAt: Date, credentialsFile: string): string {
  const lines = [
    `# CatNet inventory of a lab, written by \`catnet lab start\` at ${startedAt.toISOString()}.`,
    `# The login is in ${credentialsFile}, encrypted; it is made up for this lab run only.`,
    '# Host keys are accepted on first use: the lab makes them, there is nothing to pin in advance.',
    'settings:',
    '  paths:',
    `    credentials: ${JSON.stringify(credentialsFile)}`,
    '  host_key_mode: accept-new',
    'defaults:',
    `  credentials: [${LAB_CREDENTIALS_SET}]`,
    'devices:',
  ];
  for (const node of lab.nodes) {
    lines.push(`  - name: ${node.name}`, `    host: ${JSON.stringify(node.host)}`, `    port: ${node.sshPort}`, '    transport: ssh');
    if (node.telnetPort) lines.push(`    # also Telnet on port ${node.telnetPort}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function labCredentialsYaml(lab: RunningLab, key: MasterKey): Promise<string> {
  const { username, password, enableSecret } = lab.credentials;
  return [
    '# Lab login for this lab run, encrypted with the master key named in each value.',
    'credentials:',
    `  ${LAB_CREDENTIALS_SET}:`,
    `    username: ${JSON.stringify(username)}`,
    `    password: ${await encryptSecret(password, key)}`,
    `    enable_secret: ${await encryptSecret(enableSecret, key)}`,
    '',
  ].join('\n');
}
