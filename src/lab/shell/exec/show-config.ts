// `show running-config [interface X]` and `show startup-config`, as IOS prints them.

import { serializeLines } from '../../../ios/serialize.js';
import type { ExecResult } from '../contracts.js';
import { invalidWord, printed, type ExecRequest } from './exec-command.js';

/** NVRAM size IOS reports in `show startup-config` on an ISR G2. */
const NVRAM_BYTES = 262136;

export function showRunningConfig({ device }: ExecRequest): ExecResult {
  return printed(device.showRunning());
}

/** One interface's section, with its own byte count and without the `!` separators. */
export function showRunningInterface({ device, args, line }: ExecRequest): ExecResult {
  const node = device.running.find((top) => top.text === `interface ${args.interface}`);
  if (!node) return invalidWord(line, 3);
  const body = ['!', ...serializeLines({ children: [node] }), 'end', ''].join('\n');
  return printed(`Building configuration...\n\nCurrent configuration : ${Buffer.byteLength(body)} bytes\n${body}`);
}

export function showStartupConfig({ device }: ExecRequest): ExecResult {
  if (device.startup === '') return printed('startup-config is not present');
  return printed(`Using ${Buffer.byteLength(device.startup)} out of ${NVRAM_BYTES} bytes`, device.startup);
}
