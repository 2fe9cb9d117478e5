// Pure parts of the pipeline: a deployment's status and summary from its device results, which
// devices a selection picks, and a plan as Markdown (redacted).

import { afterEach, describe, expect, it } from 'vitest';
import { parseInventory } from '../../src/config/inventory/index.js';
import { registerSecret, resetRedaction } from '../../src/obs/redact.js';
import { deploymentStatus, summarize } from '../../src/pipeline/deploy.js';
import type { DevicePlan, PlanFile } from '../../src/pipeline/plan-file.js';
import { planMarkdown } from '../../src/pipeline/report/plan-markdown.js';
import { selectDevices, TargetError } from '../../src/pipeline/targets.js';
import type { DeviceResultRecord, DeviceStatus } from '../../src/store/types.js';

function results(...statuses: DeviceStatus[]): DeviceResultRecord[] {
  return statuses.map((status, i) => ({ deploymentId: 'd1', device: `r${i + 1}`, status, commands: [], applied: [], checks: [] }));
}

describe('deploymentStatus', () => {
  it.each<[DeviceStatus[], string]>([
    [['succeeded', 'succeeded'], 'succeeded'],
    [['succeeded', 'unchanged'], 'succeeded'],
    [['unchanged', 'unchanged'], 'succeeded'],
    [['dry_run', 'unchanged'], 'succeeded'],
    [[], 'succeeded'],
    [['succeeded', 'failed'], 'partially_failed'],
    [['succeeded', 'rolled_back', 'skipped'], 'partially_failed'],
    [['succeeded', 'stale'], 'partially_failed'],
    [['rolled_back', 'rolled_back'], 'rolled_back'],
    [['rolled_back', 'skipped'], 'rolled_back'],
    [['rolled_back', 'unchanged'], 'rolled_back'],
    [['rolled_back', 'failed'], 'failed'],
    [['rolled_back', 'rollback_failed'], 'failed'],
    [['failed', 'failed'], 'failed'],
    [['stale'], 'failed'],
    [['stale', 'unchanged'], 'failed'],
    [['skipped', 'skipped'], 'failed'],
  ])('%j → %s', (statuses, expected) => {
    expect(deploymentStatus(results(...statuses), false)).toBe(expected);
  });

  it('is interrupted when the run was, whatever the devices did', () => {
    expect(deploymentStatus(results('succeeded', 'interrupted'), true)).toBe('interrupted');
    expect(deploymentStatus(results('succeeded'), true)).toBe('interrupted');
    expect(deploymentStatus([], true)).toBe('interrupted');
  });

  it('without the interrupted flag, interrupted devices are failures', () => {
    expect(deploymentStatus(results('interrupted'), false)).toBe('failed');
    expect(deploymentStatus(results('succeeded', 'interrupted'), false)).toBe('partially_failed');
  });
});

describe('summarize', () => {
  it('counts each status in order of first appearance, underscores as spaces', () => {
    expect(summarize(results('succeeded', 'rolled_back', 'succeeded'))).toBe('3 devices: 2 succeeded, 1 rolled back');
    expect(summarize(results('dry_run'))).toBe('1 device: 1 dry run');
    expect(summarize(results('partially_failed' as DeviceStatus, 'rollback_failed', 'skipped'))).toBe('3 devices: 1 partially failed, 1 rollback failed, 1 skipped');
    expect(summarize([])).toBe('0 devices: ');
  });
});

describe('selectDevices', () => {
  const inventory = parseInventory(
    [
      'groups:',
      '  site-a: {}',
      '  core: { groups: [site-a] }',
      '  edge: {}',
      'devices:',
      '  - { name: c1, host: 10.0.0.1, groups: [core] }',
      '  - { name: c2, host: 10.0.0.2, groups: [core] }',
      '  - { name: a1, host: 10.0.0.3, groups: [site-a] }',
      '  - { name: e1, host: 10.0.0.4, groups: [edge] }',
      '  - { name: x1, host: 10.0.0.5 }',
      '',
    ].join('\n'),
    '/virtual/catnet.config.yaml',
    {},
  );
  const names = (selection: Parameters<typeof selectDevices>[1]): string[] => selectDevices(inventory, selection).map((d) => d.name);

  it('selects every device when nothing is named', () => {
    expect(names({})).toEqual(['c1', 'c2', 'a1', 'e1', 'x1']);
    expect(names({ devices: [], groups: [] })).toEqual(['c1', 'c2', 'a1', 'e1', 'x1']);
  });

  it('selects by device name, in inventory order', () => {
    expect(names({ devices: ['x1', 'c1'] })).toEqual(['c1', 'x1']);
  });

  it('selects by group, through child groups too', () => {
    expect(names({ groups: ['core'] })).toEqual(['c1', 'c2']);
    // site-a: a1 directly, c1 and c2 through core.
    expect(names({ groups: ['site-a'] })).toEqual(['c1', 'c2', 'a1']);
    expect(names({ groups: ['edge'], devices: ['x1'] })).toEqual(['e1', 'x1']);
  });

  it('refuses unknown device and group names, listing them all', () => {
    expect(() => selectDevices(inventory, { devices: ['c1', 'nope', 'gone'] })).toThrow(TargetError);
    expect(() => selectDevices(inventory, { devices: ['c1', 'nope', 'gone'] })).toThrow('no device "nope", "gone" in the inventory');
    expect(() => selectDevices(inventory, { devices: ['nope'], groups: ['core', 'dc9'] })).toThrow('no device "nope" in the inventory; no group "dc9" in the inventory');
    const error = (() => {
      try {
        selectDevices(inventory, { groups: ['dc9'] });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(TargetError);
    expect((error as Error).name).toBe('TargetError');
  });
});

describe('planMarkdown', () => {
  afterEach(() => resetRedaction());

  const empty = { changes: false, commands: [], lines: [], diff: '', risk: { level: 'none', items: [] }, stats: { add: 0, remove: 0, replace: 0 } } as const;
  const changed: DevicePlan = {
    device: 'r1',
    status: 'planned',
    changes: true,
    commands: [
      { path: [], text: 'snmp-server location rack 1', kind: 'add', reason: 'missing' },
      { path: ['line vty 0 4'], text: 'access-class VTY in', kind: 'add', reason: 'missing' },
    ],
    lines: ['snmp-server location rack 1', 'line vty 0 4', ' access-class VTY in', 'exit'],
    diff: '+snmp-server location rack 1\n line vty 0 4\n+ access-class VTY in\n',
    risk: { level: 'high', items: [{ level: 'high', category: 'management', command: 'access-class VTY in', path: ['line vty 0 4'], reason: 'changes who can log in' }] },
    stats: { add: 2, remove: 1, replace: 0 },
  };
  const unchanged: DevicePlan = { device: 'r2', status: 'planned', ...empty, risk: { level: 'none', items: [] }, commands: [], lines: [] };
  const broken: DevicePlan = { device: 'r3', status: 'error', error: 'connection refused | `port` <22>', ...empty, risk: { level: 'none', items: [] }, commands: [], lines: [] };
  const plan = (devices: DevicePlan[], commit?: string): PlanFile => ({ version: 1, createdAt: '2026-11-23T09:00:00Z', actor: 'cli:alice', source: 'configs/', ...(commit ? { commit } : {}), devices });

  it('has one table row per device: change counts, risk, status', () => {
    const md = planMarkdown(plan([changed, unchanged, broken], '0123456789abcdef0123'));
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    expect(rows).toEqual(['| device | change | risk | status |', '| r1 | +2 −1 ~0 | **high** | changes |', '| r2 | — | none | no changes |', '| r3 | — | — | error |']);
    expect(md).toContain('|---|---|---|---|');
    expect(md).toContain('Source: `configs/` at `0123456789ab`');
    expect(planMarkdown(plan([unchanged]))).toContain('Source: `configs/`\n');
  });

  it('has a details section per changed device with the risk items, the commands and the diff', () => {
    const md = planMarkdown(plan([changed, unchanged]));
    expect(md).toContain('<details><summary><b>r1</b>: 4 lines to send, risk high</summary>');
    expect(md).toContain('- **high** management: `access-class VTY in` — changes who can log in');
    expect(md).toContain('Commands, in order:');
    expect(md).toMatch(/```\n[^`]*snmp-server location rack 1[^`]*access-class VTY in[^`]*```/);
    expect(md).toContain('```diff\n+snmp-server location rack 1\n line vty 0 4\n+ access-class VTY in\n```');
    expect(md.match(/<details>/g)).toHaveLength(1);
    expect(md).not.toContain('<b>r2</b>');
    expect(md.endsWith('</details>\n')).toBe(true);
  });

  it('says why a device could not be planned, with Markdown escaped', () => {
    const md = planMarkdown(plan([broken]));
    expect(md).toContain('**r3**: cannot plan: connection refused \\| \\`port\\` \\<22\\>');
    expect(md).not.toContain('<details>');
  });

  it('says "1 line" for one line, and lists no risk for a risk-free change', () => {
    const one: DevicePlan = { ...changed, lines: ['snmp-server location rack 1'], commands: [changed.commands[0]!], risk: { level: 'low', items: [] } };
    const md = planMarkdown(plan([one]));
    expect(md).toContain('<b>r1</b>: 1 line to send, risk low');
    expect(md).not.toContain('Risk:');
    expect(md).toContain('| r1 | +2 −1 ~0 | low | changes |');
  });

  it('masks registered secrets and secret-bearing config lines everywhere', () => {
    const token = 'Registered-Token-8c1d';
    registerSecret(token);
    const secretive: DevicePlan = {
      ...changed,
      error: undefined,
      commands: [{ path: [], text: `snmp-server location ${token}`, kind: 'add', reason: 'missing' }, { path: [], text: 'username admin secret 0 Cleartext-Pass-11', kind: 'add', reason: 'missing' }],
      lines: [`snmp-server location ${token}`, 'username admin secret 0 Cleartext-Pass-11'],
      diff: `+snmp-server location ${token}\n+username admin secret 0 Cleartext-Pass-11\n`,
      risk: { level: 'high', items: [{ level: 'high', category: 'security', command: 'username admin secret 0 Cleartext-Pass-11', path: [], reason: `a local user (${token})` }] },
    };
    const failing: DevicePlan = { ...broken, error: `login failed with ${token}` };
    const md = planMarkdown(plan([secretive, failing]));
    expect(md).not.toContain(token);
    expect(md).not.toContain('Cleartext-Pass-11');
    expect(md).toContain('snmp-server location ********');
    expect(md).toContain('username admin secret 0 ********');
    expect(md).toContain('login failed with ********');
  });
});
