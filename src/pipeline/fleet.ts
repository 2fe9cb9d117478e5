// Running one piece of work per device across a fleet, wave after wave, with a bounded number
// of devices in flight and health gates that stop a bad rollout early. Pure scheduling: the
// work function does the device I/O, and a device already started is always left to finish
// (its change is never abandoned halfway).

import { planWaves, type Wave, type WaveItem, type WaveOptions } from './waves.js';

export type HaltReason = 'canary_failed' | 'max_failures' | 'interrupted';

export interface WorkOutcome<T> {
  ok: boolean;
  value: T;
}

export interface FleetOptions<T> extends WaveOptions {
  /** Devices in flight at once inside a wave (≥ 1). */
  concurrency: number;
  /** Failures tolerated; one more halts the rollout (0: the first failure halts). */
  maxFailures: number;
  /** Once aborted, no new device starts; running ones finish. */
  signal?: AbortSignal;
  onWaveStart?(wave: Wave, index: number, total: number): void;
  /** The result of a device whose work threw (against its contract); counted as a failure. */
  onError(name: string, error: unknown): T;
}

export interface FleetResult<T> {
  /** Every item, in input order. */
  results: Map<string, T>;
  waves: Wave[];
  halted?: HaltReason;
  failures: number;
}

export async function runFleet<T>(
  items: readonly WaveItem[],
  options: FleetOptions<T>,
  work: (name: string) => Promise<WorkOutcome<T>>,
  skip: (name: string, reason: HaltReason) => T,
): Promise<FleetResult<T>> {
  assertLimits(options);
  const waves = planWaves(items, options);
  const outcomes = new Map<string, T>();
  const state: RunState = { failures: 0 };
  const hasCanary = (options.canary ?? 0) > 0;

  for (const [index, wave] of waves.entries()) {
    if (!state.halted && options.signal?.aborted) state.halted = 'interrupted';
    const halted = state.halted;
    if (halted) {
      for (const name of wave.devices) outcomes.set(name, skip(name, halted));
      continue;
    }
    options.onWaveStart?.(wave, index, waves.length);
    const before = state.failures;
    await runWave(wave, options, state, outcomes, work, skip);
    // Health gates, checked only if the wave itself did not already halt (first reason wins).
    if (state.halted) continue;
    if (hasCanary && index === 0 && state.failures > before) state.halted = 'canary_failed';
    else if (state.failures > options.maxFailures) state.halted = 'max_failures';
  }

  const results = new Map<string, T>();
  for (const { name } of items) results.set(name, outcomes.get(name) as T);
  return { results, waves, ...(state.halted ? { halted: state.halted } : {}), failures: state.failures };
}

interface RunState {
  failures: number;
  halted?: HaltReason;
}

/** A worker pool over one wave: each worker takes the next device until none is left or the run must stop. */
async function runWave<T>(
  wave: Wave,
  options: FleetOptions<T>,
  state: RunState,
  outcomes: Map<string, T>,
  work: (name: string) => Promise<WorkOutcome<T>>,
  skip: (name: string, reason: HaltReason) => T,
): Promise<void> {
  let next = 0;
  const stopReason = (): HaltReason | undefined => {
    if (options.signal?.aborted) return 'interrupted';
    if (state.failures > options.maxFailures) return 'max_failures';
    return undefined;
  };
  const worker = async (): Promise<void> => {
    while (next < wave.devices.length) {
      const reason = stopReason();
      if (reason) {
        state.halted ??= reason;
        return;
      }
      const name = wave.devices[next++] as string;
      const outcome = await attempt(name, work, options.onError);
      if (!outcome.ok) state.failures++;
      outcomes.set(name, outcome.value);
    }
  };
  const workers = Math.min(options.concurrency, wave.devices.length);
  await Promise.all(Array.from({ length: workers }, worker));
  // Devices never started: skipped for the reason that stopped the wave.
  const halted = state.halted;
  if (halted) for (const name of wave.devices.slice(next)) outcomes.set(name, skip(name, halted));
}

async function attempt<T>(
  name: string,
  work: (name: string) => Promise<WorkOutcome<T>>,
  onError: (name: string, error: unknown) => T,
): Promise<WorkOutcome<T>> {
  try {
    return await work(name);
  } catch (error) {
    return { ok: false, value: onError(name, error) };
  }
}

function assertLimits(options: { concurrency: number; maxFailures: number }): void {
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1) {
    throw new Error(`invalid concurrency ${options.concurrency}: expected a whole number, 1 or more`);
  }
  if (!Number.isInteger(options.maxFailures) || options.maxFailures < 0) {
    throw new Error(`invalid maxFailures ${options.maxFailures}: expected a whole number, 0 or more`);
  }
}
