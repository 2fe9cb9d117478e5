// The PR plan comment and the deploy comment: content, redaction, the hidden running-config
// hashes, and the size limit (largest devices shortened first, table/errors/hashes never cut).

import { afterEach, describe, expect, it } from 'vitest';
import { COMMENT_LIMIT, parseRunningHashes, PLAN_MARKER, renderPlanComment, type PlanCommentInput } from '../../src/action/comment.js';
import { DEPLOY_MARKER, renderDeployComment } from '../../src/action/deploy-comment.js';
import { planConfig, renderDeviceCommands } from '../../src/ios/index.js';
import { registerSecret, resetRedaction } from '../../src/obs/redact.js';
import { planFileSchema, type DevicePlan, type PlanFile } from '../../src/pipeline/plan-file.js';
import { configHash } from '../../src/store/config-hash.js';
import type { DeploymentRecord, DeviceResultRecord } from '../../src/store/types.js';

const RUN = 'https://github.com/acme/net/actions/runs/42';
const SECRETS = ['Plain-Secret-1', 'Comm-Secret-2'];
/** A device that could not be planned. */
const broken = (device: string, error: string): DevicePlan => ({ device, status: 'error', error, changes: false, commands: [], lines: [], diff: '', risk: { level: 'none', items: [] }, stats: { add: 0, remove: 0, replace: 0 } });

/** A device planned by the engine itself, as the pipeline records it. */
function planned(device: string, running: string, intended: string): DevicePlan {
  const p = planConfig(running, intended, { runningSource: 'running-config', intendedSource: `configs/${device}.cfg` });
  return { device, status: 'planned', runningSha256: configHash(running), changes: p.commands.length > 0, commands: p.commands, lines: renderDeviceCommands(p.commands), diff: p.diff, risk: p.risk, stats: p.stats };
}

function planOf(devices: DevicePlan[]): PlanFile {
  return planFileSchema.parse({ version: 1, createdAt: '2026-11-23T09:00:00Z', actor: 'action:pr-7', source: 'configs/', commit: 'feedfacecafe0123456789', devices: JSON.parse(JSON.stringify(devices)) });
}

const coreRunning = 'hostname core-1\ninterface GigabitEthernet0/1\n description old\n!\nusername x secret 0 Plain-Secret-1\n';
const coreIntended = 'hostname core-1\ninterface GigabitEthernet0/1\n description uplink\n shutdown\n!\nsnmp-server community Comm-Secret-2 RO\n';
const realPlan = planOf([
  planned('core-1', coreRunning, coreIntended),
  planned('dist-1', 'hostname dist-1\n', 'hostname dist-1\n'),
  broken('edge-1', 'connect ECONNREFUSED 10.0.0.9:22'),
]);
const affected: PlanCommentInput['affected'] = { all: false, devices: ['core-1', 'dist-1'], reasons: { 'core-1': ['configs/core-1.cfg changed'], 'dist-1': ['group core changed'] } };

describe('renderPlanComment', () => {
  afterEach(() => resetRedaction());

  it('renders a plan with changes, no changes and an error device', () => {
    const { body, truncatedDevices } = renderPlanComment({ plan: realPlan, affected, headSha: '0123456789abcdef', runUrl: RUN });
    expect(truncatedDevices).toEqual([]);
    expect(body.split('\n')[0]).toBe(PLAN_MARKER);
    expect(body).toContain('## CatNet plan for `0123456`');
    expect(body).toContain('**3 devices**: 1 with changes, 1 error, highest risk ⚠️ **high**.');
    const rows = body.split('\n').filter((l) => l.startsWith('| '));
    expect(rows).toEqual(['| device | change | risk | status |', '| core-1 | +2 −1 ~1 | ⚠️ **high** | changes |', '| dist-1 | — | none | no changes |', '| edge-1 | — | — | error |']);
    // The exact commands and the diff of the changed device, collapsed; none for the others.
    expect(body).toContain('<details><summary><b>core-1</b>');
    expect(body).toMatch(/```\n {2}interface GigabitEthernet0\/1\n\+ {3}shutdown\n~ {3}description uplink\n/);
    expect(body).toContain('```diff\n--- running-config\n+++ configs/core-1.cfg\n');
    expect(body).toContain('+ description uplink');
    expect(body).toMatch(/- ⚠️ \*\*high\*\* interface_state: `interface GigabitEthernet0\/1 > shutdown`/);
    expect(body).not.toContain('<b>dist-1</b>');
    expect(body).toContain('**edge-1**: cannot plan: connect ECONNREFUSED 10.0.0.9:22');
    expect(body).toContain('<details><summary>Affected: 2 devices, and why</summary>');
    expect(body).toContain('- **dist-1**: group core changed');
    expect(body).toContain(`[the workflow run](${RUN})`);
    expect(parseRunningHashes(body)).toEqual({ 'core-1': configHash(coreRunning), 'dist-1': configHash('hostname dist-1\n') });
  });

  it('says when nothing changes and no device is affected', () => {
    const plan = planOf([planned('dist-1', 'hostname dist-1\n', 'hostname dist-1\n')]);
    const { body } = renderPlanComment({ plan, affected: { all: false, devices: [], reasons: {} }, headSha: 'abcdef1234' });
    expect(body).toContain('**1 device**: 0 with changes, 0 errors, highest risk none.');
    expect(body).not.toContain('<details>');
    expect(body).toContain('No device is affected by the changes of this pull request.');
    expect(body).not.toContain('workflow run');
  });

  it('renders a small plan exactly', () => {
    const d: DevicePlan = {
      device: 'r1',
      status: 'planned',
      runningSha256: 'ab'.repeat(32),
      changes: true,
      commands: [{ path: [], text: 'ntp server 10.0.0.1', kind: 'add', reason: 'missing' }],
      lines: ['ntp server 10.0.0.1'],
      diff: '+ntp server 10.0.0.1\n',
      risk: { level: 'low', items: [] },
      stats: { add: 1, remove: 0, replace: 0 },
    };
    const { body } = renderPlanComment({ plan: planOf([d]), affected: { all: true, devices: ['r1', 'r2'], reasons: { r1: ['settings changed', 'configs/r1.cfg changed'], r2: ['settings changed'] } }, headSha: 'cafebabe99', runUrl: RUN });
    expect(body).toMatchInlineSnapshot(`
      "<!-- catnet:plan -->
      ## CatNet plan for \`cafebab\`

      **1 device**: 1 with changes, 0 errors, highest risk low.

      | device | change | risk | status |
      |---|---|---|---|
      | r1 | +1 −0 ~0 | low | changes |

      Source: \`configs/\` at \`feedfacecafe\`

      <details><summary><b>r1</b>: 1 line to send, risk low</summary>

      Commands, in order:

      \`\`\`
      + ntp server 10.0.0.1
      \`\`\`

      Diff:

      \`\`\`diff
      +ntp server 10.0.0.1
      \`\`\`

      </details>

      <details><summary>Affected: all devices (2), and why</summary>

      - every device: settings changed
      - **r1**: configs/r1.cfg changed

      </details>

      <!-- catnet:running-hashes {"r1":"abababababababababababababababababababababababababababababababab"} -->

      ---
      <sub>Full plan in the job summary of [the workflow run](https://github.com/acme/net/actions/runs/42). Planned 2026-11-23T09:00:00Z against each device's running config at that time; on merge, a device whose running config changed since is planned again before deploying.</sub>
      "
    `);
  });

  it('never shows a secret: config lines, errors, reasons, registered secrets', () => {
    registerSecret('Registered-Token-77');
    const plan = planOf([...realPlan.devices.slice(0, 2), broken('edge-1', 'login as x with Registered-Token-77 failed: snmp-server community Comm-Secret-2 RO')]);
    const withReason = { ...affected, reasons: { ...affected.reasons, 'core-1': ['username x secret 0 Plain-Secret-1 added'] } };
    for (const limit of [COMMENT_LIMIT, 1_000]) {
      const { body } = renderPlanComment({ plan, affected: withReason, headSha: '0123456789', runUrl: RUN }, limit);
      for (const secret of [...SECRETS, 'Registered-Token-77']) expect(body).not.toContain(secret);
      expect(body).toContain('snmp-server community ******** RO');
    }
  });

  it('keeps the table, the errors and the hashes when shortening, largest device first, diff before commands', () => {
    const plan = planOf([bigDevice('big-a', 3000), bigDevice('big-b', 3500), bigDevice('small', 5), broken('down-1', 'timed out after 30 s')]);
    const input = { plan, affected, headSha: '0123456789', runUrl: RUN };
    const full = renderPlanComment(input, Number.MAX_SAFE_INTEGER).body;
    expect(full.length).toBeGreaterThan(300_000);

    const { body, truncatedDevices } = renderPlanComment(input);
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(truncatedDevices).toEqual(['big-b', 'big-a']);
    expect(body).toContain('Diff: _truncated: 3501 lines, see the job summary of [the workflow run](https://github.com/acme/net/actions/runs/42)_');
    expect(body).toContain('Commands, in order: _truncated: 3500 lines, see the job summary of');
    expect(body).toContain('Commands, in order: _truncated: 3000 lines');
    // The small device is whole; the table, the error and every hash are kept.
    expect(body).toContain('+ip route 10.0.0.4 255.255.255.255 Null0');
    expect(body.split('\n').filter((l) => l.startsWith('| '))).toEqual(full.split('\n').filter((l) => l.startsWith('| ')));
    expect(body).toContain('**down-1**: cannot plan: timed out after 30 s');
    expect(parseRunningHashes(body)).toEqual({ 'big-a': 'a1'.repeat(32), 'big-b': 'a1'.repeat(32), small: 'a1'.repeat(32) });

    // With room for everything but one diff, only the largest device's diff goes.
    const roomy = renderPlanComment(input, full.length - 100_000);
    expect(roomy.truncatedDevices).toEqual(['big-b']);
    expect(roomy.body).toContain('Diff: _truncated: 3501 lines');
    expect(roomy.body).not.toContain('Commands, in order: _truncated');
    expect(roomy.body).toContain('+ ip route 10.0.13.171 255.255.255.255 Null0'); // big-b's last command
  });
});

/** A device with `n` added routes: `n` commands and an `n + 1`-line diff. */
function bigDevice(device: string, n: number): DevicePlan {
  const texts = Array.from({ length: n }, (_, i) => `ip route 10.0.${i >> 8}.${i & 255} 255.255.255.255 Null0`);
  return {
    device,
    status: 'planned',
    runningSha256: 'a1'.repeat(32),
    changes: true,
    commands: texts.map((text) => ({ path: [], text, kind: 'add' as const, reason: 'missing' })),
    lines: texts,
    diff: `@@ -1 +1,${n} @@\n${texts.map((t) => `+${t}`).join('\n')}\n`,
    risk: { level: 'medium', items: [] },
    stats: { add: n, remove: 0, replace: 0 },
  };
}

describe('parseRunningHashes', () => {
  it('reads back the hashes written, whatever the device names', () => {
    const odd = { ...realPlan.devices[1]!, device: 'we-->ird <b>"name"' };
    const plan = planOf([realPlan.devices[0]!, odd]);
    const { body } = renderPlanComment({ plan, affected, headSha: '0123456789' });
    expect(parseRunningHashes(body)).toEqual({ 'core-1': configHash(coreRunning), 'we-->ird <b>"name"': configHash('hostname dist-1\n') });
  });

  it('is undefined without a block or with a broken one', () => {
    expect(parseRunningHashes('no hashes here')).toBeUndefined();
    expect(parseRunningHashes('<!-- catnet:running-hashes {"a": 1} -->')).toBeUndefined();
    expect(parseRunningHashes('<!-- catnet:running-hashes {"a": "x",} -->')).toBeUndefined();
    expect(parseRunningHashes('<!-- catnet:running-hashes {} -->')).toEqual({});
  });
});

describe('renderDeployComment', () => {
  const deployment = (status: DeploymentRecord['status'], summary?: string): DeploymentRecord => ({ id: 'dep-1', status, actor: 'action:pr-7', source: 'configs/', createdAt: '2026-11-23T10:00:00Z', startedAt: '2026-11-23T10:00:01Z', finishedAt: '2026-11-23T10:02:00Z', options: {}, plan: {}, ...(summary ? { summary } : {}) });
  const result = (device: string, status: DeviceResultRecord['status'], extra: Partial<DeviceResultRecord> = {}): DeviceResultRecord => ({ deploymentId: 'dep-1', device, status, commands: ['snmp-server community Comm-Secret-2 RO', 'ntp server 10.0.0.1'], applied: [], checks: [], ...extra });
  const rows = (body: string): string[] => body.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| device'));

  it('reports a success: commands sent, checks, backups', () => {
    const ok = result('core-1', 'succeeded', { applied: ['snmp-server community Comm-Secret-2 RO', 'ntp server 10.0.0.1'], checks: [{ name: 'reconnect', ok: true, detail: 'ok' }, { name: 'interfaces', ok: true, detail: 'all up' }], backupBefore: 'core-1/20261123T100001Z', backupAfter: 'core-1/20261123T100130Z' });
    const body = renderDeployComment({ deployment: deployment('succeeded', '2 devices: 1 succeeded, 1 unchanged'), results: [ok, result('dist-1', 'unchanged', { commands: [] })], headSha: 'abcdef0123', runUrl: RUN });
    expect(body.split('\n')[0]).toBe(DEPLOY_MARKER);
    expect(body).toContain('## CatNet deploy of `abcdef0`: ✅ succeeded');
    expect(body).toContain('2 devices: 1 succeeded, 1 unchanged — deployment `dep-1`');
    expect(rows(body)).toEqual(['| core-1 | ✅ succeeded | 2/2 | 2 passed | `core-1/20261123T100001Z` | `core-1/20261123T100130Z` |  |', '| dist-1 | ➖ unchanged | 0/0 | no checks | — | — |  |']);
    expect(body).toContain('```\nsnmp-server community ******** RO\nntp server 10.0.0.1\n```');
    expect(body).not.toContain('Comm-Secret-2');
    expect(body).toContain(`[the workflow run](${RUN})`);
  });

  it('reports a rollback with the failed check and the re-planned devices', () => {
    const rolled = result('core-1', 'rolled_back', { applied: ['ntp server 10.0.0.1'], checks: [{ name: 'reconnect', ok: true, detail: 'ok' }, { name: 'ping 10.0.0.1', ok: false, detail: '0/5 replies\nhost unreachable' }], backupBefore: 'core-1/b1', error: 'check failed: ping 10.0.0.1 | restored' });
    const replanned = [{ device: 'core-1', before: '1'.repeat(64), after: '2'.repeat(64) }];
    const body = renderDeployComment({ deployment: deployment('rolled_back'), results: [rolled], headSha: 'abcdef0123', replanned });
    expect(body).toContain(': ↩️ rolled back');
    expect(body).toContain('1 device: 1 rolled back — deployment');
    expect(rows(body)).toEqual(['| core-1 | ↩️ rolled back | 1/2 | 1 passed, **1 failed** | `core-1/b1` | — | check failed: ping 10.0.0.1 \\| restored |']);
    expect(body).toContain('- ❌ ping 10.0.0.1: 0/5 replies host unreachable');
    expect(body).toContain("**core-1** changed since the PR's plan: re-planned before deploying (running config `111111111111` → `222222222222`)");
  });

  it('reports a failure, redacted, and shortens long command lists but never the errors', () => {
    const many = Array.from({ length: 4000 }, (_, i) => `ip route 10.1.${i >> 8}.${i & 255} 255.255.255.255 Null0`);
    const results = [
      result('core-1', 'failed', { commands: many, applied: many, error: 'rejected: username x secret 0 Plain-Secret-1\n% Invalid input' }),
      result('core-2', 'rollback_failed', { commands: many.slice(0, 3000), applied: many.slice(0, 3000), error: 'restore failed: connection reset' }),
      result('core-3', 'succeeded', { applied: ['ntp server 10.0.0.1'] }),
      result('edge-1', 'skipped'),
    ];
    const body = renderDeployComment({ deployment: deployment('failed'), results, headSha: 'abcdef0123', runUrl: RUN });
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body).toContain(': ❌ failed');
    expect(rows(body)).toHaveLength(4);
    expect(body).toContain('| core-1 | ❌ failed | 4000/4000 | no checks | — | — | rejected: username x secret 0 ******** % Invalid input |');
    expect(body).toContain('restore failed: connection reset');
    expect(body).toContain('Commands sent: _truncated: 4000 lines, see the job summary of [the workflow run]');
    expect(body).toContain('Commands sent: _truncated: 3000 lines');
    expect(body).toContain('```\nntp server 10.0.0.1\n```');
    for (const secret of SECRETS) expect(body).not.toContain(secret);
    expect(renderDeployComment({ deployment: deployment('failed'), results, headSha: 'abcdef0123' }, 1_000_000)).not.toContain('_truncated');
  });
});
