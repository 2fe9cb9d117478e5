// `catnet lab start`: simulated IOS devices on the loopback until Ctrl-C / SIGTERM.

import { resolve } from 'node:path';
import { SecretError } from '../../config/secrets/box.js';
import { MASTER_KEY_ENV } from '../../config/secrets/keys.js';
import { DEMO_MASTER_KEY } from '../../lab/runner/demo-key.js';
import { readLabFile, generatedDevices } from '../../lab/runner/lab-file.js';
import { labFromInventory, LabInventoryError } from '../../lab/runner/lab-from-inventory.js';
import { writeLabInventory } from '../../lab/runner/lab-inventory.js';
import { labTable } from '../../lab/runner/lab-report.js';
import { startLab, type LabOptions } from '../../lab/runner/lab.js';
import { ExitCode, InputError } from '../exit-codes.js';

export interface LabStartOptions {
  devices?: string;
  basePort: string;
  file?: string;
  config?: string;
  keyFile?: string;
  writeInventory?: string;
  lines: string;
  hostKeyDir: string;
}

type StartOptions = Omit<LabOptions, 'credentials' | 'clock'>;

export async function runLabStart(opts: LabStartOptions, print: (text: string) => void): Promise<number> {
  try {
    return await start(opts, print);
  } catch (error) {
    // A missing or wrong master key, or an inventory the lab cannot serve: the user's to fix.
    if (error instanceof SecretError || error instanceof LabInventoryError) throw new InputError(error.message);
    throw error;
  }
}

async function start(opts: LabStartOptions, print: (text: string) => void): Promise<number> {
  const { options, credentialSets } = await labOptions(opts);
  const lab = await startLab(options);
  const startedAt = new Date();
  print(labTable(lab, credentialSets));
  if (opts.writeInventory !== undefined) {
    const written = await writeLabInventory(opts.writeInventory, lab, startedAt, { env: process.env, keyFile: opts.keyFile });
    print(`inventory written to ${written.inventoryFile}, login to ${written.credentialsFile} (encrypted with master key "${written.keyId}")\n`);
    if (written.demoKey) {
      print(`no master key configured: used the public lab demo key; to use the inventory, first\n  export ${MASTER_KEY_ENV}='${DEMO_MASTER_KEY}'\n`);
    }
  }
  print('lab running; Ctrl-C to stop\n');
  const signal = await new Promise<string>((done) => {
    process.once('SIGINT', () => done('SIGINT'));
    process.once('SIGTERM', () => done('SIGTERM'));
  });
  await lab.stop();
  print(`lab stopped (${signal})\n`);
  return ExitCode.ok;
}

/** What to start, from --config, --file or --devices; `credentialSets` when logins come from an inventory. */
async function labOptions(opts: LabStartOptions): Promise<{ options: StartOptions; credentialSets?: Map<string, string> }> {
  const basePort = parseCount(opts.basePort, '--base-port', 0, 65535);
  const hostKeyDir = resolve(opts.hostKeyDir);
  if (opts.config !== undefined) {
    if (opts.devices !== undefined) throw new InputError('give either --config or --devices, not both (the inventory lists the devices)');
    // The inventory is already there: writing another would only copy it.
    if (opts.writeInventory !== undefined) throw new InputError('--write-inventory does not go with --config: use the inventory given');
    const { options, credentialSets } = await labFromInventory(opts.config, { labFile: opts.file, env: process.env, keyFile: opts.keyFile });
    options.hostKeyDir ??= hostKeyDir;
    return { options, credentialSets };
  }
  if (opts.file !== undefined) {
    if (opts.devices !== undefined) throw new InputError('give either --file or --devices, not both');
    const options = await readLabFile(opts.file);
    options.basePort ??= basePort;
    options.hostKeyDir ??= hostKeyDir;
    return { options };
  }
  const count = parseCount(opts.devices ?? '3', '--devices', 1, 5000);
  const lines = parseCount(opts.lines, '--lines', 215, 200_000);
  return { options: { devices: generatedDevices(count, lines), basePort, hostKeyDir } };
}

function parseCount(value: string, option: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new InputError(`${option} must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}
