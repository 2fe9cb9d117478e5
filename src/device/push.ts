// Fast, safe config push. Lines are pipelined: up to `window` lines are in flight, and every
// prompt that comes back frees a place, so the round trip is paid once per window instead of
// once per line. IOS answers type-ahead in order (echo, output, next prompt), which is how
// each piece of output is mapped back to its command. At the first refusal nothing more is
// sent; what was already in flight is read and reported as it really went; config mode is
// left; the result says what was applied, what failed (with the device's text) and what was
// not sent. Sending beyond a section header waits for the header's prompt (`sectionBarrier`),
// so the lines of a refused section are never typed into the wrong mode.

import { configLines, configUnits, type ConfigUnit, type PushInput } from './config-units.js';
import { DeviceError } from './errors.js';
import type { IosDriver } from './ios-driver.js';
import { findFailure } from './platforms/cisco-ios.js';

export type { PushInput } from './config-units.js';

export interface PushOptions {
  /** Lines in flight at most; 1 is line by line. */
  window?: number;
  /** Wait for a section header's prompt before typing into the section (default true). */
  sectionBarrier?: boolean;
  /**
   * Top-level section headers the device already has (from its running config, as the plan
   * knows it). Re-entering an existing section is never refused, so their lines need no wait.
   */
  existingSections?: ReadonlySet<string>;
  /** Per wait for the next prompt; default the session's operation timeout. */
  timeoutMs?: number;
  /** Throw a DeviceError (with the result in `details.result`) instead of returning ok: false. */
  throwOnError?: boolean;
}

export interface PushFailure {
  /** Index into `commands`. */
  index: number;
  command: string;
  /** What the device printed for it (caret line, `% …`). */
  output: string;
  reason: string;
}

export interface PushResult {
  device: string;
  /** Every command, in order; a banner is one command of several lines. */
  commands: string[];
  /** Accepted by the device (in running-config now). */
  applied: string[];
  /** The first refused command. */
  failed?: PushFailure;
  /** Every refused command: the first, and any already in flight when it was refused. */
  rejected: PushFailure[];
  /** Sent, but the session ended before the device answered: their fate is unknown. */
  unconfirmed: string[];
  notSent: string[];
  /** The config session's text (cleaned), for the record. */
  output: string;
  ok: boolean;
  error?: DeviceError;
  startedAt: string;
  elapsedMs: number;
}

const DEFAULT_WINDOW = 32;

export async function pushConfig(driver: IosDriver, input: PushInput, options: PushOptions = {}): Promise<PushResult> {
  const started = Date.now();
  const units = configUnits(configLines(input));
  const commands = units.map((unit) => unit.lines.join('\n'));
  const state = { completed: 0, sent: 0, output: [] as string[], applied: [] as string[], rejected: [] as PushFailure[] };
  let error: DeviceError | undefined;
  if (units.length > 0) {
    try {
      await driver.show(driver.platform.configure.enter);
      await pipeline(driver, units, commands, state, options);
      await driver.command(driver.platform.configure.exit);
    } catch (caught) {
      error = caught instanceof DeviceError ? caught : new DeviceError('connection', driver.device, String(caught), {}, { cause: caught });
      // After a timeout the session's mode and input queue are unknown: it is not reused.
      if (error.kind === 'timeout') driver.close();
    }
  }
  const failed = state.rejected[0];
  if (failed && !error) {
    error = new DeviceError('command_rejected', driver.device, `\`${failed.command}\` refused: ${failed.output.split('\n').find((l) => l.trim().startsWith('%'))?.trim() ?? failed.output}`, {
      command: failed.command,
      index: failed.index,
      reason: failed.reason,
      deviceText: failed.output,
    });
  }
  const result: PushResult = {
    device: driver.device,
    commands,
    applied: state.applied,
    ...(failed ? { failed } : {}),
    rejected: state.rejected,
    unconfirmed: commands.slice(state.completed, state.sent),
    notSent: commands.slice(state.sent),
    output: driver.redact(state.output.join('')),
    ok: error === undefined,
    ...(error ? { error } : {}),
    startedAt: new Date(started).toISOString(),
    elapsedMs: Date.now() - started,
  };
  if (error && options.throwOnError) throw new DeviceError(error.kind, driver.device, error.message.replace(`${driver.device}: `, ''), { ...error.details, result }, { cause: error });
  return result;
}

interface PushState {
  completed: number;
  sent: number;
  output: string[];
  applied: string[];
  rejected: PushFailure[];
}

/** A top-level header the caller says the device has: entering it cannot fail. */
function isExisting(header: ConfigUnit, existing: ReadonlySet<string> | undefined): boolean {
  return existing !== undefined && header.depth === 0 && existing.has((header.lines[0] as string).trim());
}

async function pipeline(driver: IosDriver, units: ConfigUnit[], commands: string[], state: PushState, options: PushOptions): Promise<void> {
  const window = Math.max(1, options.window ?? DEFAULT_WINDOW);
  const barrier = options.sectionBarrier ?? true;
  const timeoutMs = options.timeoutMs ?? driver.timeouts.operationMs;
  let inFlightLines = 0;
  const reader = new UnitReader(driver);
  while (state.completed < units.length) {
    let batch: string[] = [];
    const stopped = state.rejected.length > 0;
    while (!stopped && state.sent < units.length) {
      const unit = units[state.sent] as ConfigUnit;
      if (inFlightLines > 0 && inFlightLines + unit.lines.length > window) break;
      const previous = units[state.sent - 1];
      // Typing into a section before its header was accepted could land lines in the wrong mode.
      if (barrier && previous && unit.depth > previous.depth && state.completed < state.sent && !isExisting(previous, options.existingSections)) break;
      if (previous?.barrier && state.completed < state.sent) break;
      batch = batch.concat(unit.lines);
      inFlightLines += unit.lines.length;
      state.sent++;
    }
    if (batch.length > 0) driver.channel.send(batch.map((line) => line + driver.channel.newline).join(''));
    if (state.completed === state.sent) break;
    const unit = units[state.completed] as ConfigUnit;
    const { text, value } = await driver.channel.waitFor((screen) => reader.next(screen.text, unit), {
      command: commands[state.completed] as string,
      awaiting: 'the next config-mode prompt',
      timeoutMs,
    });
    state.output.push(text);
    inFlightLines -= unit.lines.length;
    // A line that left config mode (`end`, a top-level `exit`) would turn the next ones into exec commands.
    const failure = findFailure(driver.platform, value.output) ?? (value.inConfig || state.completed === units.length - 1 ? undefined : { reason: 'left_config_mode' });
    if (failure) state.rejected.push({ index: state.completed, command: commands[state.completed] as string, output: value.output.join('\n').trim(), reason: failure.reason });
    else state.applied.push(commands[state.completed] as string);
    state.completed++;
  }
}

/** Finds where one unit's answer ends in the pending text: at the next prompt at a line start. */
class UnitReader {
  constructor(private readonly driver: IosDriver) {}

  next(buffer: string, unit: ConfigUnit): { length: number; value: { output: string[]; inConfig: boolean } } | undefined {
    // The unit's first line is typed after the previous prompt, on the same line.
    let at = buffer.indexOf('\n');
    if (at < 0) return undefined;
    if (unit.delimiter !== undefined) {
      // Banner text is echoed without prompts, up to the line with the closing delimiter.
      const close = buffer.indexOf(unit.delimiter, at + 1);
      if (close < 0) return undefined;
      at = buffer.indexOf('\n', close);
      if (at < 0) return undefined;
    }
    const { promptAtLineStart } = this.driver.platform;
    let lineStart = at + 1;
    while (lineStart <= buffer.length) {
      const end = buffer.indexOf('\n', lineStart);
      const line = buffer.slice(lineStart, end < 0 ? undefined : end);
      const prompt = promptAtLineStart.exec(line);
      if (prompt) {
        const match = this.driver.platform.anyPrompt.exec(prompt[0]) ?? undefined;
        this.driver.learn(match);
        const output = buffer.slice(at + 1, lineStart).split('\n');
        return { length: lineStart + prompt[0].length, value: { output, inConfig: match?.groups?.mode !== undefined } };
      }
      if (end < 0) return undefined;
      lineStart = end + 1;
    }
    return undefined;
  }
}
