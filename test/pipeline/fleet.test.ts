import { describe, expect, it } from 'vitest';
import { runFleet, type FleetOptions, type HaltReason, type WorkOutcome } from '../../src/pipeline/fleet.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const fleet = (n: number): { name: string }[] => Array.from({ length: n }, (_, i) => ({ name: `r${i + 1}` }));

type Result = string;
const skip = (name: string, reason: HaltReason): Result => `skip:${reason}`;
const base: FleetOptions<Result> = { concurrency: 1, maxFailures: 10, onError: (_name, error) => `error:${String(error)}` };

/** Work that succeeds after a short delay, except for the devices listed as failing. */
function scripted(failing: string[] = [], delay = 5): { work: (name: string) => Promise<WorkOutcome<Result>>; started: string[] } {
  const started: string[] = [];
  const work = async (name: string): Promise<WorkOutcome<Result>> => {
    started.push(name);
    await sleep(delay);
    const ok = !failing.includes(name);
    return { ok, value: ok ? 'ok' : 'failed' };
  };
  return { work, started };
}

describe('runFleet', () => {
  it('runs every device, wave after wave, and reports each wave as it starts', async () => {
    const items = [{ name: 'a', wave: '2' }, { name: 'b', wave: '1' }, { name: 'c' }];
    const { work, started } = scripted();
    const seen: string[] = [];
    const run = await runFleet(items, { ...base, onWaveStart: (w, i, n) => seen.push(`${w.name} ${i + 1}/${n}`) }, work, skip);
    expect(started).toEqual(['b', 'a', 'c']);
    expect(seen).toEqual(['1 1/3', '2 2/3', 'unlabelled 3/3']);
    expect([...run.results.keys()]).toEqual(['a', 'b', 'c']);
    expect(run).toMatchObject({ failures: 0 });
    expect(run.halted).toBeUndefined();
  });

  it('never has more than `concurrency` devices in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const work = async (name: string): Promise<WorkOutcome<Result>> => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await sleep(name.length + (Number(name.slice(1)) % 3) * 3);
      inFlight--;
      return { ok: true, value: 'ok' };
    };
    const run = await runFleet(fleet(10), { ...base, concurrency: 3 }, work, skip);
    expect(peak).toBe(3);
    expect([...run.results.values()].every((v) => v === 'ok')).toBe(true);
  });

  it('halts after a failed canary, even with failures to spare', async () => {
    const { work, started } = scripted(['r1']);
    const run = await runFleet(fleet(4), { ...base, canary: 1, concurrency: 2 }, work, skip);
    expect(started).toEqual(['r1']);
    expect(run.halted).toBe('canary_failed');
    expect(run.failures).toBe(1);
    expect([...run.results.entries()]).toEqual([
      ['r1', 'failed'],
      ['r2', 'skip:canary_failed'],
      ['r3', 'skip:canary_failed'],
      ['r4', 'skip:canary_failed'],
    ]);
  });

  it('with maxFailures 0, starts nothing new after the first failure', async () => {
    const { work, started } = scripted(['r2']);
    const run = await runFleet(fleet(5), { ...base, maxFailures: 0, batchSize: '2' }, work, skip);
    expect(started).toEqual(['r1', 'r2']);
    expect(run.halted).toBe('max_failures');
    expect([...run.results.values()]).toEqual(['ok', 'failed', 'skip:max_failures', 'skip:max_failures', 'skip:max_failures']);
  });

  it('with maxFailures 1, tolerates one failure and stops inside the wave at the second', async () => {
    const { work, started } = scripted(['r1', 'r3']);
    const run = await runFleet(fleet(5), { ...base, maxFailures: 1 }, work, skip);
    expect(started).toEqual(['r1', 'r2', 'r3']);
    expect(run).toMatchObject({ halted: 'max_failures', failures: 2 });
    expect([...run.results.values()]).toEqual(['failed', 'ok', 'failed', 'skip:max_failures', 'skip:max_failures']);
  });

  it('lets running devices finish when the gate trips mid-wave', async () => {
    // r1 fails fast while r2 is still running: r2 finishes, r3+ never start.
    const work = async (name: string): Promise<WorkOutcome<Result>> => {
      await sleep(name === 'r1' ? 2 : 20);
      return { ok: name !== 'r1', value: name === 'r1' ? 'failed' : 'ok' };
    };
    const run = await runFleet(fleet(4), { ...base, maxFailures: 0, concurrency: 2 }, work, skip);
    expect([...run.results.values()]).toEqual(['failed', 'ok', 'skip:max_failures', 'skip:max_failures']);
  });

  it('on abort, starts nothing new and lets running devices finish', async () => {
    const controller = new AbortController();
    const finished: string[] = [];
    const work = async (name: string): Promise<WorkOutcome<Result>> => {
      if (name === 'r2') controller.abort();
      await sleep(5);
      finished.push(name);
      return { ok: true, value: 'ok' };
    };
    const items = [...fleet(3).map((i) => ({ ...i, wave: '1' })), { name: 'z', wave: '2' }];
    const run = await runFleet(items, { ...base, concurrency: 2, signal: controller.signal }, work, skip);
    expect(finished.sort()).toEqual(['r1', 'r2']);
    expect(run.halted).toBe('interrupted');
    expect([...run.results.entries()]).toEqual([
      ['r1', 'ok'],
      ['r2', 'ok'],
      ['r3', 'skip:interrupted'],
      ['z', 'skip:interrupted'],
    ]);
  });

  it('starts nothing when already aborted', async () => {
    const { work, started } = scripted();
    const run = await runFleet(fleet(2), { ...base, signal: AbortSignal.abort() }, work, skip);
    expect(started).toEqual([]);
    expect(run.halted).toBe('interrupted');
    expect([...run.results.values()]).toEqual(['skip:interrupted', 'skip:interrupted']);
  });

  it('turns a throwing work function into the onError result, counted as a failure', async () => {
    const work = async (name: string): Promise<WorkOutcome<Result>> => {
      await sleep(1);
      if (name === 'r2') throw new Error('boom');
      return { ok: true, value: 'ok' };
    };
    const run = await runFleet(fleet(3), base, work, skip);
    expect(run.failures).toBe(1);
    expect(run.halted).toBeUndefined();
    expect([...run.results.values()]).toEqual(['ok', 'error:Error: boom', 'ok']);
  });

  it('returns every item in input order whatever order they ran in', async () => {
    const items = [{ name: 'x', wave: 'b' }, { name: 'y', wave: 'a' }, { name: 'z' }, { name: 'w', wave: 'a' }];
    const { work } = scripted(['w']);
    const run = await runFleet(items, { ...base, concurrency: 2, maxFailures: 0 }, work, skip);
    expect([...run.results.keys()]).toEqual(['x', 'y', 'z', 'w']);
    expect([...run.results.values()]).toEqual(['skip:max_failures', 'ok', 'skip:max_failures', 'failed']);
    expect(run.waves.map((w) => w.name)).toEqual(['a', 'b', 'unlabelled']);
  });

  it('rejects a bad concurrency or maxFailures', async () => {
    const { work } = scripted();
    await expect(runFleet(fleet(1), { ...base, concurrency: 0 }, work, skip)).rejects.toThrow(/concurrency/);
    await expect(runFleet(fleet(1), { ...base, maxFailures: -1 }, work, skip)).rejects.toThrow(/maxFailures/);
  });
});
