// Saving and copying configs: `write [memory]`, `copy SOURCE DESTINATION` between
// running-config, startup-config and files on flash (with IOS's `Destination filename [...]?`
// question), and `dir flash:`.

import type { LabDevice } from '../../device/lab-device.js';
import type { ExecResult } from '../contracts.js';
import { flashFileName } from './config-archive.js';
import { invalidWord, printed, type ExecRequest } from './exec-command.js';

type Location = { kind: 'running' } | { kind: 'startup' } | { kind: 'flash'; file: string };

const BUILT = ['Building configuration...', '[OK]'];
const FLASH_BYTES = 256487424;

export function writeMemory({ device }: ExecRequest): ExecResult {
  device.startup = device.runningConfigBody();
  return printed(...BUILT);
}

/** `copy`; writing into running-config (a merge) is not simulated and is refused at its word. */
export function copy({ device, args, line }: ExecRequest): ExecResult {
  const source = locationOf(args.source as string);
  if (!source) return invalidWord(line, 1);
  const destination = locationOf(args.destination as string);
  if (!destination || destination.kind === 'running' || (destination.kind === source.kind && source.kind !== 'flash')) return invalidWord(line, 2);
  const text = readLocation(device, source);
  if (text === undefined) return printed(`%Error opening ${locationName(source)} (No such file or directory)`);
  const suggested = destination.kind === 'startup' ? 'startup-config' : destination.file || defaultFileName(source);
  return {
    output: [],
    question: {
      prompt: `Destination filename [${suggested}]? `,
      answer(reply) {
        const name = reply.trim();
        if (destination.kind === 'startup') return saveStartup(device, text, source.kind === 'running');
        const file = name === '' ? suggested : (flashFileName(name) ?? name);
        device.flash.set(file, text);
        return copied(text);
      },
    },
  };
}

/** The lab has one NVRAM file: any name given for it saves the startup-config. */
function saveStartup(device: LabDevice, text: string, fromRunning: boolean): ExecResult {
  device.startup = text;
  return fromRunning ? printed(...BUILT) : copied(text);
}

function copied(text: string): ExecResult {
  const bytes = Buffer.byteLength(text);
  return printed(`${bytes} bytes copied in 0.100 secs (${bytes * 10} bytes/sec)`);
}

/** IOS's names for the configs, abbreviated as far as they stay unambiguous, and `flash:FILE`. */
function locationOf(word: string): Location | undefined {
  const lower = word.toLowerCase();
  const abbreviates = (full: string): boolean => lower.length >= 2 && full.startsWith(lower);
  if (abbreviates('running-config') || lower === 'system:running-config') return { kind: 'running' };
  if (abbreviates('startup-config') || lower === 'nvram:startup-config') return { kind: 'startup' };
  if (lower === 'flash:' || lower === 'flash:/') return { kind: 'flash', file: '' };
  const file = flashFileName(word);
  return file === undefined ? undefined : { kind: 'flash', file };
}

function readLocation(device: LabDevice, location: Location): string | undefined {
  if (location.kind === 'running') return device.runningConfigBody();
  if (location.kind === 'startup') return device.startup === '' ? undefined : device.startup;
  return device.flash.get(location.file);
}

function locationName(location: Location): string {
  if (location.kind === 'flash') return `flash:${location.file}`;
  return location.kind === 'startup' ? 'nvram:startup-config' : 'system:running-config';
}

function defaultFileName(source: Location): string {
  return source.kind === 'flash' ? source.file : `${source.kind}-config`;
}

/** `dir [flash:]`: the files on flash, without dates (the lab keeps none). */
export function dir({ device, args, line }: ExecRequest): ExecResult {
  if (args.filesystem !== undefined && locationOf(args.filesystem)?.kind !== 'flash') return invalidWord(line, 1);
  const files = [...device.flash.entries()];
  const used = files.reduce((sum, [, text]) => sum + Buffer.byteLength(text), 0);
  const rows = files.map(([name, text], i) => `${String(i + 1).padStart(5)}  -rw-  ${String(Buffer.byteLength(text)).padStart(10)}  ${'<no date>'.padStart(24)}  ${name}`);
  return printed('Directory of flash:/', '', ...(rows.length > 0 ? rows : ['No files in directory']), '', `${FLASH_BYTES} bytes total (${FLASH_BYTES - used} bytes free)`);
}
