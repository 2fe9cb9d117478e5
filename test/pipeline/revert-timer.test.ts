// Self-lockout under the confirm timer: the intended config puts an access-class on the vty
// lines that does not permit 127.0.0.1, so once pushed no new session can log in. The deploy
// arms IOS's revert timer (a management-plane change), the reconnect check fails, and either
// the timer puts the device back (auto rollback off: nothing is confirmed) or the still-open
// session restores the backup (auto rollback on). The lab runs on a fake clock.

import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Device } from '../../src/config/inventory/index.js';
import { openProject, type Project } from '../../src/config/project.js';
import { connectIos } from '../../src/device/ios-driver.js';
import { silentLogger } from '../../src/obs/logger.js';
import { configHash } from '../../src/store/config-hash.js';
import { closePipeline, openPipeline, type PipelineContext } from '../../src/pipeline/context.js';
import { deployPlan, type DeployOptions } from '../../src/pipeline/deploy.js';
import { planDevices } from '../../src/pipeline/plan.js';
import { openStore } from '../../src/store/store.js';
import { FakeClock } from '../support/fake-clock.js';
import { LOGIN, routerConfig, startPipelineLab, type PipelineLab } from '../support/pipeline-lab.js';

/** r1's config with a vty access-class that locks out every address but 10.99.0.0/24. */
function lockedOut(): string {
  const base = routerConfig('r1', 0);
  const locked = base.replace('line vty 0 4\n', ['ip access-list standard VTY-LOCK', ' permit 10.99.0.0 0.0.0.255', '!', 'line vty 0 4', ' access-class VTY-LOCK in', ''].join('\n'));
  expect(locked).not.toBe(base);
  return locked;
}

const OPTIONS: DeployOptions = { dryRun: false, save: false, confirmTimerMin: 1, autoRollback: false, maxFailures: 0 };

describe('self-lockout under the revert timer', () => {
  const clock = new FakeClock();
  let env: PipelineLab;
  let project: Project;
  let ctx: PipelineContext;
  const device = (): Device => project.inventory.devices.find((d) => d.name === 'r1') as Device;
  const running = (): string => env.lab.device('r1').showRunning();

  /** Whether a brand-new session can log in to r1 (outside the pipeline, its breakers and retries). */
  async function canLogIn(): Promise<boolean> {
    const node = env.lab.nodes.find((n) => n.name === 'r1');
    try {
      const driver = await connectIos({ device: 'r1', host: env.lab.host, port: node?.sshPort, username: LOGIN.username, password: LOGIN.password, enableSecret: LOGIN.enableSecret, hostKeyMode: 'off' });
      driver.close();
      return true;
    } catch {
      return false;
    }
  }

  beforeAll(async () => {
    // Short timeouts: the refused logins of the reconnect check fail fast.
    env = await startPipelineLab(1, { clock, inventoryExtra: ['  timeouts: { connect_ms: 3000, auth_ms: 3000 }'] });
    project = await openProject({ configFile: join(env.dir, 'catnet.config.yaml'), env: { CATNET_MASTER_KEY: env.env.CATNET_MASTER_KEY } });
  }, 30_000);
  afterAll(async () => {
    await env.stop();
  });
  beforeEach(() => {
    // A fresh context per test: the failed reconnects must not leave r1's breaker open.
    ctx = openPipeline(project, { actor: 'test:revert', logger: silentLogger, store: openStore(':memory:') });
  });
  afterEach(() => {
    closePipeline(ctx);
    env.intend('r1', routerConfig('r1', 0));
  });

  it('plans the vty access-class as a management-plane change', async () => {
    env.intend('r1', lockedOut());
    const plan = await planDevices(ctx, [device()]);
    const r1 = plan.devices[0];
    expect(r1?.status).toBe('planned');
    expect(r1?.lines).toContain(' access-class VTY-LOCK in');
    expect(r1?.risk.items.some((item) => item.category === 'management')).toBe(true);
  });

  it('auto rollback off: the reconnect fails, nothing is confirmed, and the timer reverts the device', async () => {
    const before = running();
    env.intend('r1', lockedOut());
    const plan = await planDevices(ctx, [device()]);
    const { deployment, results } = await deployPlan(ctx, plan, OPTIONS);
    const [r1] = results;
    expect(r1?.status).toBe('failed');
    expect(deployment.status).toBe('failed');
    expect(r1?.error).toContain('health checks failed: reconnect');
    expect(r1?.error).toContain('not rolled back (auto rollback off)');
    expect(r1?.error).toContain('the revert timer (1 min) was not confirmed, so the device reverts by itself');
    expect(r1?.checks.find((c) => c.name === 'reconnect')?.ok).toBe(false);
    expect(r1?.checks.find((c) => c.name === 'convergence')?.ok).toBe(true);
    expect(r1?.applied).toContain(' access-class VTY-LOCK in');
    expect(r1?.transcript).toMatch(/revert timer/);
    expect(r1?.transcript).not.toMatch(/configure confirm/);

    // Locked out, and the timer is still pending: not confirmed.
    expect(running()).toContain('access-class VTY-LOCK in');
    expect(await canLogIn()).toBe(false);
    expect(clock.pendingTimers).toBeGreaterThan(0);

    clock.advance(30_000);
    expect(running()).toContain('access-class VTY-LOCK in');
    clock.advance(31_000);
    expect(running()).not.toContain('access-class');
    expect(configHash(running())).toBe(configHash(before));
    expect(await canLogIn()).toBe(true);
    expect(clock.pendingTimers).toBe(0);
  }, 60_000);

  it('auto rollback on: the still-open session restores the backup and confirms', async () => {
    const before = running();
    env.intend('r1', lockedOut());
    const plan = await planDevices(ctx, [device()]);
    const { deployment, results } = await deployPlan(ctx, plan, { ...OPTIONS, autoRollback: true });
    const [r1] = results;
    expect(r1?.status).toBe('rolled_back');
    expect(deployment.status).toBe('rolled_back');
    expect(r1?.error).toContain('health checks failed: reconnect');
    expect(r1?.error).toContain('restored the pre-deploy backup');
    expect(running()).not.toContain('access-class');
    expect(configHash(running())).toBe(configHash(before));
    expect(await canLogIn()).toBe(true);
    // The timer was confirmed after the restore: nothing fires later.
    expect(clock.pendingTimers).toBe(0);
    clock.advance(120_000);
    expect(configHash(running())).toBe(configHash(before));
  }, 60_000);
});
