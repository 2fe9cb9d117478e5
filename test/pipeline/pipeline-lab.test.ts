// The pipeline in this process against lab devices: planning (hashes, backup, lines; an
// unreachable device is an error entry), deploying (dry run, a device locked by someone else,
// stale plans, a real change), backups, restoring a backup, and choosing a rollback target.

import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Device } from '../../src/config/inventory/index.js';
import { openProject, type Project } from '../../src/config/project.js';
import { silentLogger } from '../../src/obs/logger.js';
import { backupDevices } from '../../src/pipeline/backup.js';
import { configHash } from '../../src/store/config-hash.js';
import { closePipeline, openPipeline, type PipelineContext } from '../../src/pipeline/context.js';
import { deployPlan, type DeployOptions } from '../../src/pipeline/deploy.js';
import { planDevices } from '../../src/pipeline/plan.js';
import { restoreConfig } from '../../src/pipeline/restore.js';
import { applyRollback, previewRollback, rollbackTarget, RollbackTargetError } from '../../src/pipeline/rollback.js';
import { openStore } from '../../src/store/store.js';
import { changeByHand, routerConfig, startPipelineLab, type PipelineLab } from '../support/pipeline-lab.js';

const OPTIONS: DeployOptions = { dryRun: false, autoRollback: true, save: false, confirmTimerMin: null, maxFailures: 0 };

describe('pipeline against the lab', () => {
  let env: PipelineLab;
  let project: Project;
  let ctx: PipelineContext;
  const device = (name: string): Device => project.inventory.devices.find((d) => d.name === name) as Device;
  const running = (name: string): string => env.lab.device(name).showRunning();
  /** Resets every device's intended config to what it runs now (nothing to change). */
  const intendRunning = (): void => env.lab.nodes.forEach((node) => env.intend(node.name, running(node.name)));

  beforeAll(async () => {
    env = await startPipelineLab(3);
    project = await openProject({ configFile: join(env.dir, 'catnet.config.yaml'), env: { CATNET_MASTER_KEY: env.env.CATNET_MASTER_KEY } });
  }, 30_000);
  afterAll(async () => {
    await env.stop();
  });
  beforeEach(() => {
    ctx = openPipeline(project, { actor: 'test:pipeline', logger: silentLogger, store: openStore(':memory:') });
    intendRunning();
  });
  afterEach(() => {
    closePipeline(ctx);
  });

  it('plans each device against its running config: hashes, the backup taken, the lines to send', async () => {
    const intended = routerConfig('r1', 0, ['snmp-server location rack 1', '!']);
    env.intend('r1', intended);
    const plan = await planDevices(ctx, [device('r1'), device('r2')]);
    expect(plan).toMatchObject({ version: 1, actor: 'test:pipeline' });
    expect(plan.source).toContain('configs');
    const [r1, r2] = plan.devices;
    expect(r1).toMatchObject({ device: 'r1', status: 'planned', changes: true, runningSha256: configHash(running('r1')), intendedSha256: configHash(intended) });
    expect(r1?.lines).toEqual(['snmp-server location rack 1']);
    expect(r1?.stats.add).toBe(1);
    expect(r1?.diff).toContain('+snmp-server location rack 1');
    expect(r1?.intended?.location).toContain('r1.cfg');
    const backup = ctx.backups.get(r1?.backupId as string);
    expect(backup?.meta).toMatchObject({ device: 'r1', reason: 'plan' });
    expect(configHash(backup?.text as string)).toBe(configHash(running('r1')));
    expect(r2).toMatchObject({ device: 'r2', status: 'planned', changes: false, lines: [] });
    expect(r2?.backupId).toMatch(/^r2\//);
  });

  it('makes an unreachable device an error entry and plans the others', async () => {
    await env.lab.setFaults('r3', { refuseConnections: true });
    try {
      env.intend('r1', routerConfig('r1', 0, ['snmp-server location rack 1', '!']));
      const plan = await planDevices(ctx, [device('r1'), device('r2'), device('r3')]);
      expect(plan.devices.map((d) => [d.device, d.status])).toEqual([
        ['r1', 'planned'],
        ['r2', 'planned'],
        ['r3', 'error'],
      ]);
      const r3 = plan.devices[2];
      expect(r3?.error).toBeTruthy();
      expect(r3).toMatchObject({ changes: false, lines: [], commands: [] });
      expect(r3?.runningSha256).toBeUndefined();
    } finally {
      await env.lab.setFaults('r3', {});
    }
  }, 30_000);

  it('a dry run pushes nothing', async () => {
    const before = running('r1');
    env.intend('r1', routerConfig('r1', 0, ['snmp-server location dry run', '!']));
    const plan = await planDevices(ctx, [device('r1')]);
    const { deployment, results } = await deployPlan(ctx, plan, { ...OPTIONS, dryRun: true });
    expect(results.map((r) => r.status)).toEqual(['dry_run']);
    expect(results[0]?.backupBefore).toMatch(/^r1\//);
    expect(deployment.status).toBe('succeeded');
    expect(deployment.summary).toBe('1 device: 1 dry run');
    expect(running('r1')).not.toContain('dry run');
    expect(configHash(running('r1'))).toBe(configHash(before));
  });

  it('refuses a device locked by another owner', async () => {
    env.intend('r2', routerConfig('r2', 1, ['snmp-server location locked', '!']));
    const plan = await planDevices(ctx, [device('r2')]);
    expect(ctx.store.locks.acquire('r2', 'someone-else', 60_000).ok).toBe(true);
    const { deployment, results } = await deployPlan(ctx, plan, OPTIONS);
    expect(results[0]?.status).toBe('failed');
    expect(results[0]?.error).toContain('locked by someone-else');
    expect(deployment.status).toBe('failed');
    expect(running('r2')).not.toContain('locked');
    // The other owner's lease is still there.
    expect(ctx.store.locks.acquire('r2', 'a-third-one', 60_000).ok).toBe(false);
  });

  it('refuses a stale plan: the intended config changed since', async () => {
    env.intend('r2', routerConfig('r2', 1, ['snmp-server location first', '!']));
    const plan = await planDevices(ctx, [device('r2')]);
    env.intend('r2', routerConfig('r2', 1, ['snmp-server location second', '!']));
    const { deployment, results } = await deployPlan(ctx, plan, OPTIONS);
    expect(results[0]?.status).toBe('stale');
    expect(results[0]?.error).toContain('intended config');
    expect(deployment.status).toBe('failed');
    expect(running('r2')).not.toMatch(/location (first|second)/);
  });

  it('refuses a stale plan: the running config changed since', async () => {
    env.intend('r2', routerConfig('r2', 1, ['snmp-server location planned', '!']));
    const plan = await planDevices(ctx, [device('r2')]);
    await changeByHand(env.lab, 'r2', ['snmp-server contact by-hand']);
    const { results } = await deployPlan(ctx, plan, OPTIONS);
    expect(results[0]?.status).toBe('stale');
    expect(results[0]?.error).toContain('running config changed');
    expect(running('r2')).not.toContain('location planned');
    expect(running('r2')).toContain('contact by-hand');
  });

  it('backs up only what changed: a second backup of the same config is not created', async () => {
    const first = await backupDevices(ctx, [device('r1'), device('r2')]);
    const second = await backupDevices(ctx, [device('r1'), device('r2')]);
    expect(first.every((b) => b.ok)).toBe(true);
    expect(second.map((b) => [b.device, b.ok, b.created])).toEqual([
      ['r1', true, false],
      ['r2', true, false],
    ]);
    expect(second[0]?.backup?.id).toBe(first[0]?.backup?.id);
    await changeByHand(env.lab, 'r1', ['snmp-server contact backup-test']);
    const third = await backupDevices(ctx, [device('r1')]);
    expect(third[0]).toMatchObject({ ok: true, created: true });
    expect(third[0]?.backup?.id).not.toBe(first[0]?.backup?.id);
  });

  it('restoreConfig brings a changed device back to a backup', async () => {
    const [saved] = await backupDevices(ctx, [device('r3')]);
    const before = running('r3');
    await changeByHand(env.lab, 'r3', ['snmp-server location changed', 'interface GigabitEthernet0/1', ' description changed by hand']);
    expect(configHash(running('r3'))).not.toBe(configHash(before));
    const text = ctx.backups.get(saved?.backup?.id as string)?.text as string;
    const result = await ctx.sessions.use(device('r3'), (driver) => restoreConfig(ctx, driver, text));
    expect(result.ok).toBe(true);
    expect(result.commands.length).toBeGreaterThan(0);
    expect(configHash(running('r3'))).toBe(configHash(before));
    // Restoring what already runs sends nothing.
    const again = await ctx.sessions.use(device('r3'), (driver) => restoreConfig(ctx, driver, text));
    expect(again).toEqual({ ok: true, commands: [], applied: [] });
  });

  it('deploys a change, then rolls back to the backup of latest, deployment:<id>, or an id', async () => {
    const before = running('r1');
    const intended = routerConfig('r1', 0, ['snmp-server location deployed', '!']);
    env.intend('r1', intended);
    const plan = await planDevices(ctx, [device('r1')]);
    const { deployment, results } = await deployPlan(ctx, plan, OPTIONS);
    expect(results[0]?.status, results[0]?.error).toBe('succeeded');
    expect(deployment.status).toBe('succeeded');
    expect(results[0]?.checks.every((c) => c.ok)).toBe(true);
    expect(running('r1')).toContain('snmp-server location deployed');
    const backupBefore = results[0]?.backupBefore as string;
    expect(results[0]?.backupAfter).toMatch(/^r1\//);

    expect(rollbackTarget(ctx, device('r1'), 'latest').id).toBe(backupBefore);
    expect(rollbackTarget(ctx, device('r1'), `deployment:${deployment.id}`).id).toBe(backupBefore);
    expect(rollbackTarget(ctx, device('r1'), backupBefore).id).toBe(backupBefore);
    expect(rollbackTarget(ctx, device('r1'), backupBefore.slice('r1/'.length)).id).toBe(backupBefore);
    expect(() => rollbackTarget(ctx, device('r1'), '20000101T000000Z')).toThrow(RollbackTargetError);
    expect(() => rollbackTarget(ctx, device('r1'), '20000101T000000Z')).toThrow('no backup r1/20000101T000000Z');
    expect(() => rollbackTarget(ctx, device('r2'), `deployment:${deployment.id}`)).toThrow(`deployment ${deployment.id} did not touch r2`);
    expect(() => rollbackTarget(ctx, device('r1'), 'deployment:no-such-deployment')).toThrow(RollbackTargetError);
    expect(() => rollbackTarget(ctx, device('r2'), backupBefore)).toThrow(`backup ${backupBefore} is of r1, not r2`);

    const target = rollbackTarget(ctx, device('r1'), 'latest');
    const preview = await previewRollback(ctx, device('r1'), target);
    expect(preview.plan.commands.map((c) => c.text)).toContain('no snmp-server location');
    const restored = await applyRollback(ctx, device('r1'), target, { save: false });
    expect(restored.ok).toBe(true);
    expect(configHash(running('r1'))).toBe(configHash(before));
  });

  it('latest falls back to the newest backup of a device never deployed, and fails without any', async () => {
    const [saved] = await backupDevices(ctx, [device('r2')]);
    expect(rollbackTarget(ctx, device('r2'), 'latest').id).toBe(saved?.backup?.id);
    const ghost = { ...device('r2'), name: 'ghost' };
    expect(() => rollbackTarget(ctx, ghost, 'latest')).toThrow('ghost has no backup to roll back to');
  });
});
