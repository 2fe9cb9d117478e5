// When a change goes wrong, through the built CLI against lab devices: a line the device refuses
// mid-push and a failed health check both end with the device back on its backup; a failing
// canary stops the later waves; a killed deploy is recorded as interrupted by the next run.

import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configHash } from '../../src/store/config-hash.js';
import { routerConfig, startPipelineLab, type PipelineLab } from '../support/pipeline-lab.js';
import { cliPath, runCliAsync } from '../support/run-cli.js';

describe('failed deployments', () => {
  let env: PipelineLab;
  const catnet = (...args: string[]) => runCliAsync(args, { cwd: env.dir, env: env.env });

  beforeAll(async () => {
    env = await startPipelineLab(3, {
      // r3 must show a hostname it never has: its health check always fails.
      deviceExtra: (name) => (name === 'r3' ? ['    health_checks:', '      custom:', '        - { name: banner present, command: show running-config | include ^banner, expect: banner }'] : []),
    });
  });
  afterAll(async () => {
    await env.stop();
  });

  it('rolls back a device that refuses a line mid-push: its config equals the pre-deploy backup', async () => {
    const before = env.lab.device('r1').showRunning();
    env.intend('r1', routerConfig('r1', 0, ['snmp-server location rack 1', '!', 'snmp-server contact refused-here', '!', 'logging buffered 8192', '!']));
    await env.lab.setFaults('r1', { rejectConfigLines: 'contact refused-here' });
    const result = await catnet('deploy', '--device', 'r1', '--yes');
    await env.lab.setFaults('r1', {});
    expect(result.stdout).toMatch(/r1\s+rolled_back\s+`snmp-server contact refused-here` refused/);
    expect(result.stdout).toContain('restored the pre-deploy backup');
    expect(result.status).toBe(1);
    expect(configHash(env.lab.device('r1').showRunning())).toBe(configHash(before));
  });

  it('rolls back a device whose health check fails after the change', async () => {
    const before = env.lab.device('r3').showRunning();
    env.intend('r3', routerConfig('r3', 2, ['snmp-server location rack 3', '!']));
    const result = await catnet('deploy', '--device', 'r3', '--yes');
    expect(result.stdout).toMatch(/r3\s+rolled_back\s+health checks failed: banner present/);
    expect(result.status).toBe(1);
    expect(configHash(env.lab.device('r3').showRunning())).toBe(configHash(before));
    const history = await catnet('history', '--json');
    expect((JSON.parse(history.stdout) as { status: string }[])[0]?.status).toBe('rolled_back');
  });

  it('stops after a failing canary: the other devices are skipped, untouched', async () => {
    env.intend('r1', routerConfig('r1', 0, ['snmp-server contact refused-here', '!']));
    env.intend('r2', routerConfig('r2', 1, ['snmp-server location rack 2', '!']));
    await env.lab.setFaults('r1', { rejectConfigLines: 'contact refused-here' });
    const result = await catnet('deploy', '--device', 'r1', '--device', 'r2', '--canary', '1', '--yes');
    await env.lab.setFaults('r1', {});
    expect(result.stdout).toMatch(/r1\s+rolled_back/);
    expect(result.stdout).toMatch(/r2\s+skipped\s+not attempted: the canary wave failed/);
    expect(env.lab.device('r2').showRunning()).not.toContain('rack 2');
  });

  it('records a deploy killed mid-way as interrupted at the next run, and the next deploy proceeds', async () => {
    env.intend('r2', routerConfig('r2', 1, ['snmp-server location rack 2', '!']));
    await env.lab.setFaults('r2', { latencyMs: 400 });
    const child = spawn(process.execPath, [cliPath, 'deploy', '--device', 'r2', '--yes'], { cwd: env.dir, env: { ...process.env, ...definedEnv(env.env) }, stdio: 'ignore' });
    await waitFor(async () => JSON.stringify(JSON.parse((await catnet('history', '--json')).stdout)).includes('"running"'));
    child.kill('SIGKILL');
    await new Promise((done) => child.once('exit', done));
    await env.lab.setFaults('r2', {});
    const next = await catnet('history', '--json');
    expect(next.stderr).toMatch(/deployment d-\S+ was left running by a process that died: marked interrupted/);
    expect((JSON.parse(next.stdout) as { status: string }[])[0]?.status).toBe('interrupted');
    const retry = await catnet('deploy', '--device', 'r2', '--yes');
    expect(retry.stdout).toMatch(/r2\s+succeeded/);
  });
});

function definedEnv(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await condition()) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('condition not met in time');
}
