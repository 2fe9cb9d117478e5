// The plan file: written 0600 and read back unchanged; a hand-broken file is refused with the
// file, the line and the field that is wrong; changedDevices picks the devices with something
// to send.

import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigFileError } from '../../src/config/config-file-error.js';
import { changedDevices, readPlanFile, writePlanFile, type DevicePlan, type PlanFile } from '../../src/pipeline/plan-file.js';

const dir = mkdtempSync(join(tmpdir(), 'catnet-plan-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function devicePlan(device: string, overrides: Partial<DevicePlan> = {}): DevicePlan {
  return {
    device,
    status: 'planned',
    runningSha256: 'a'.repeat(64),
    intendedSha256: 'b'.repeat(64),
    intended: { kind: 'file', path: `configs/${device}.cfg`, location: `configs/${device}.cfg` },
    backupId: `${device}/20261123T090000Z`,
    changes: true,
    commands: [{ path: ['interface GigabitEthernet0/1'], text: 'description core uplink', kind: 'replace', reason: 'differs', body: undefined }],
    lines: ['interface GigabitEthernet0/1', ' description core uplink', 'exit'],
    diff: '-description uplink\n+description core uplink\n',
    risk: { level: 'low', items: [{ level: 'low', category: 'general', command: 'description core uplink', path: ['interface GigabitEthernet0/1'], reason: 'a description' }] },
    stats: { add: 0, remove: 0, replace: 1 },
    ...overrides,
  };
}

function plan(devices: DevicePlan[]): PlanFile {
  return { version: 1, createdAt: '2026-11-23T09:00:00.000Z', actor: 'cli:alice', source: 'configs/', commit: 'abc123', devices };
}

/** The command objects without undefined fields, as JSON keeps them. */
function jsonRoundTrip<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

async function readError(file: string): Promise<ConfigFileError> {
  const error = await readPlanFile(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigFileError);
  return error as ConfigFileError;
}

describe('plan file', () => {
  it('round-trips write → read, and the file is readable by its owner only', async () => {
    const file = join(dir, 'plan.json');
    const written = plan([
      devicePlan('r1'),
      devicePlan('r2', { changes: false, commands: [], lines: [], diff: '', risk: { level: 'none', items: [] }, stats: { add: 0, remove: 0, replace: 0 } }),
      { device: 'r3', status: 'error', error: 'connection refused', changes: false, commands: [], lines: [], diff: '', risk: { level: 'none', items: [] }, stats: { add: 0, remove: 0, replace: 0 } },
    ]);
    await writePlanFile(file, written);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').endsWith('}\n')).toBe(true);
    expect(await readPlanFile(file)).toEqual(jsonRoundTrip(written));
  });

  it('keeps secrets in the commands as typed (they must reach the device)', async () => {
    const file = join(dir, 'secret-plan.json');
    const secretLine = 'username admin secret 0 Plain-Text-Secret-42';
    await writePlanFile(file, plan([devicePlan('r1', { lines: [secretLine], commands: [{ path: [], text: secretLine, kind: 'add', reason: 'missing' }] })]));
    const read = await readPlanFile(file);
    expect(read.devices[0]?.lines).toEqual([secretLine]);
  });

  it('overwrites an earlier plan file', async () => {
    const file = join(dir, 'twice.json');
    await writePlanFile(file, plan([devicePlan('r1')]));
    await writePlanFile(file, plan([devicePlan('r9')]));
    expect((await readPlanFile(file)).devices.map((d) => d.device)).toEqual(['r9']);
  });

  /** The written plan, with `edit` applied to its JSON text, at a fresh path. */
  async function broken(name: string, edit: (text: string) => string): Promise<string> {
    const file = join(dir, name);
    await writePlanFile(file, plan([devicePlan('r1'), devicePlan('r2')]));
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
    return file;
  }

  /** The 1-based line of the first line containing `needle`. */
  function lineOf(file: string, needle: string): number {
    return readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(needle)) + 1;
  }

  it('refuses a plan of another version, naming file:line and the field', async () => {
    const file = await broken('version.json', (text) => text.replace('"version": 1', '"version": 2'));
    const error = await readError(file);
    expect(error.file).toBe(file);
    expect(error.message).toContain(`${file}:${lineOf(file, '"version"')}: version`);
    expect(error.problems.map((p) => p.field)).toEqual(['version']);
  });

  it('refuses a plan with a missing field, naming the field path', async () => {
    const file = await broken('missing.json', (text) => text.replace(/\n\s*"intendedSha256": "b+",/, ''));
    // Optional: a missing hash is allowed by the schema; take away a required field too.
    const file2 = await broken('missing-required.json', (text) => text.replace(/\n\s*"changes": true,/, ''));
    await expect(readPlanFile(file)).resolves.toBeDefined();
    const error = await readError(file2);
    expect(error.problems.some((p) => p.field === 'devices[0].changes' || p.field === 'devices.0.changes')).toBe(true);
    expect(error.message).toMatch(new RegExp(`${escape(file2)}(:\\d+)?: devices(\\[0\\]|\\.0)\\.changes`));
  });

  it('refuses a bad risk level, naming its line and the field', async () => {
    let replaced = false;
    const file = await broken('risk.json', (text) =>
      text.replace(/"level": "low",\n(\s*)"items"/, (all, indent: string) => {
        if (replaced) return all;
        replaced = true;
        return `"level": "catastrophic",\n${indent}"items"`;
      }),
    );
    const error = await readError(file);
    expect(error.problems).toHaveLength(1);
    const problem = error.problems[0];
    expect(problem?.field).toMatch(/^devices(\[0\]|\.0)\.risk\.level$/);
    expect(problem?.line).toBe(lineOf(file, '"catastrophic"'));
    expect(error.message).toContain(`${file}:${lineOf(file, '"catastrophic"')}: `);
  });

  it('refuses a truncated or unreadable file', async () => {
    const truncated = await broken('truncated.json', (text) => text.slice(0, text.length / 2));
    const error = await readError(truncated);
    expect(error.message).toContain(truncated);
    const missing = await readError(join(dir, 'no-such-plan.json'));
    expect(missing.message).toContain('no such file');
  });
});

describe('changedDevices', () => {
  it('keeps planned devices with changes, in plan order', () => {
    const noChange = devicePlan('r2', { changes: false, commands: [], lines: [] });
    const failed: DevicePlan = { ...devicePlan('r3'), status: 'error', error: 'unreachable', changes: false };
    // An error entry is never sent, even if it claims changes.
    const oddError: DevicePlan = { ...devicePlan('r4'), status: 'error', error: 'unreachable' };
    const result = changedDevices(plan([devicePlan('r1'), noChange, failed, oddError, devicePlan('r5')]));
    expect(result.map((d) => d.device)).toEqual(['r1', 'r5']);
  });

  it('is empty for a plan with nothing to send', () => {
    expect(changedDevices(plan([]))).toEqual([]);
    expect(changedDevices(plan([devicePlan('r1', { changes: false })]))).toEqual([]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
