// The faults a terminal session applies to each command it is given (see DeviceFaults). They
// are read from the device at every command, so a test that changes them mid-session sees the
// change on the next command.

import { canonicalInterfaceName } from '../../ios/interface-names.js';
import type { LabDevice } from '../device/lab-device.js';
import { createRandom, type Random } from '../generate/random.js';

/** How output goes out: paced by the slow-link fault, maybe cut halfway. */
export interface OutputPacing {
  /** Added per byte of output, as a slow link would. */
  perByteMs: number;
  /** Write half of the output, then drop the connection. */
  dropMidOutput: boolean;
}

/** What becomes of one entered command. */
export type CommandFate =
  /** The connection drops as the command is entered: no output, the command is not run. */
  | { kind: 'drop' }
  /** The command never completes: no output, no prompt, ever. */
  | { kind: 'stall' }
  | (OutputPacing & {
      kind: 'run';
      /** Wait before the output (and prompt) is written. */
      delayMs: number;
      /** Refuse the config line with `% Invalid input` without interpreting it. */
      rejectConfigLine: boolean;
    });

export interface CommandInfo {
  line: string;
  /** 1-based count of the commands entered in this session, this one included. */
  number: number;
  configMode: boolean;
}

export function commandFate(device: LabDevice, command: CommandInfo): CommandFate {
  const faults = device.faults;
  const { line } = command;
  if (faults.disconnectAfterCommands !== undefined && command.number >= faults.disconnectAfterCommands) return { kind: 'drop' };
  if (faults.random && randomOf(device, faults.random.seed).chance(faults.random.disconnectProbability)) return { kind: 'drop' };
  if (matches(faults.stallOn, line)) return { kind: 'stall' };
  return {
    kind: 'run',
    delayMs: (faults.latencyMs ?? 0) + (isShowRunningConfig(line) ? (faults.slowShowRunMs ?? 0) : 0),
    perByteMs: faults.latencyPerByteMs ?? 0,
    dropMidOutput: matches(faults.disconnectMidOutputOn, line),
    rejectConfigLine: command.configMode && matches(faults.rejectConfigLines, line),
  };
}

/** Pacing of what answers a question or a collected line: no command faults, the slow link stays. */
export function replyPacing(device: LabDevice): OutputPacing {
  return { perByteMs: device.faults.latencyPerByteMs ?? 0, dropMidOutput: false };
}

/** The `interfaceDown` fault: a config line it names was accepted, so the link goes down. */
export function applyConfigAccepted(device: LabDevice, line: string): void {
  const fault = device.faults.interfaceDown;
  if (fault && matches(fault.afterConfig, line)) {
    device.linkDown.add(canonicalInterfaceName(fault.interface.replace(/\s+/g, '')) ?? fault.interface);
  }
}

/** `show running-config` in any accepted abbreviation (`sh run`), also behind `do`. */
export function isShowRunningConfig(line: string): boolean {
  const words = line.trim().toLowerCase().split(/\s+/);
  if (words[0] === 'do') words.shift();
  const [show = '', what = ''] = words;
  return show.length >= 2 && 'show'.startsWith(show) && what.length >= 2 && 'running-config'.startsWith(what);
}

const compiled = new Map<string, RegExp>();

/** Fault patterns are regular-expression sources, matched case-insensitively. */
function matches(pattern: string | undefined, line: string): boolean {
  if (pattern === undefined) return false;
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(pattern, 'i');
    compiled.set(pattern, re);
  }
  return re.test(line);
}

/**
 * One generator per device, across its sessions, so that a seed gives one reproducible sequence
 * of failures for a given sequence of commands (a new seed starts a new sequence).
 */
const generators = new WeakMap<LabDevice, { seed: number; random: Random }>();

function randomOf(device: LabDevice, seed: number): Random {
  let entry = generators.get(device);
  if (entry?.seed !== seed) {
    entry = { seed, random: createRandom(seed) };
    generators.set(device, entry);
  }
  return entry.random;
}
