// `catnet lab start`: simulated IOS devices on the loopback until Ctrl-C / SIGTERM.

import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readLabFile, generatedDevices } from '../../lab/runner/lab-file.js';
import { labInventory, labTable } from '../../lab/runner/lab-report.js';
import { startLab, type LabOptions } from '../../lab/runner/lab.js';
import { ExitCode, InputError } from '../exit-codes.js';

export interface LabStartOptions {
  devices?: string;
  basePort: string;
  file?: string;
  writeInventory?: string;
  lines: string;
  hostKeyDir: string;
}

export async function runLabStart(opts: LabStartOptions, print: (text: string) => void): Promise<number> {
  const basePort = parseCount(opts.basePort, '--base-port', 0, 65535);
  let options: Omit<LabOptions, 'credentials' | 'clock'>;
  if (opts.file !== undefined) {
    if (opts.devices !== undefined) throw new InputError('give either --file or --devices, not both');
    options = await readLabFile(opts.file);
    options.basePort ??= basePort;
    options.hostKeyDir ??= resolve(opts.hostKeyDir);
  } else {
    const count = parseCount(opts.devices ?? '3', '--devices', 1, 5000);
    const lines = parseCount(opts.lines, '--lines', 215, 200_000);
    options = { devices: generatedDevices(count, lines), basePort, hostKeyDir: resolve(opts.hostKeyDir) };
  }
  const lab = await startLab(options);
  const startedAt = new Date();
  print(labTable(lab));
  if (opts.writeInventory !== undefined) {
    // The file holds this run's lab login: readable by its owner only.
    await writeFile(opts.writeInventory, labInventory(lab, startedAt), { mode: 0o600 });
    print(`inventory written to ${opts.writeInventory}\n`);
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

function parseCount(value: string, option: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new InputError(`${option} must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}
