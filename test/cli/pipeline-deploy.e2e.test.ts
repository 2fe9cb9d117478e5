// The GitOps loop through the built CLI against three lab devices over SSH: plan, deploy with
// verify, nothing left to do afterwards, a stale plan refused, a manual rollback, the history,
// and no secret in any output, log or record.

import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeByHand, LOGIN, routerConfig, startPipelineLab, type PipelineLab } from '../support/pipeline-lab.js';
import { runCliAsync, type CliResult } from '../support/run-cli.js';

describe('catnet plan and deploy', () => {
  let env: PipelineLab;
  const outputs: CliResult[] = [];
  const catnet = async (...args: string[]): Promise<CliResult> => {
    const result = await runCliAsync(args, { cwd: env.dir, env: env.env });
    outputs.push(result);
    return result;
  };
  let firstDeployment = '';

  beforeAll(async () => {
    env = await startPipelineLab(3);
    // r1 and r2 get a description and an SNMP location; r3 stays as it is.
    env.intend('r1', routerConfig('r1', 0, ['snmp-server location rack 1', '!']).replace(' description uplink', ' description uplink to core'));
    env.intend('r2', routerConfig('r2', 1, ['snmp-server location rack 2', '!']));
  });
  afterAll(async () => {
    await env.stop();
  });

  it('plans: diff and exact commands per device, exit 3 when something changes', async () => {
    const result = await catnet('plan');
    expect(result.stderr).not.toMatch(/catnet: /);
    expect(result.status).toBe(3);
    expect(result.stdout).toContain('== r1 (configs/r1.cfg): 2 commands, risk');
    expect(result.stdout).toContain('+ snmp-server location rack 1');
    expect(result.stdout).toContain('== r3 (configs/r3.cfg): no changes');
    expect(result.stdout).toContain('Plan: 3 devices, 2 to change, 1 unchanged.');
  });

  it('writes a private plan file and deploys it: pushed, verified, saved, backed up', async () => {
    const plan = await catnet('plan', '--out', 'plan.json', '--format', 'json');
    expect(plan.status).toBe(3);
    expect(statSync(join(env.dir, 'plan.json')).mode & 0o777).toBe(0o600);
    const deploy = await catnet('deploy', '--plan', 'plan.json', '--yes');
    expect(deploy.stdout).toMatch(/r1\s+succeeded/);
    expect(deploy.stdout).toMatch(/r2\s+succeeded/);
    expect(deploy.stdout).toMatch(/r3\s+unchanged/);
    expect(deploy.status).toBe(0);
    firstDeployment = /Deployment (d-\S+): succeeded/.exec(deploy.stdout)?.[1] ?? '';
    expect(firstDeployment).not.toBe('');
    const r1 = env.lab.device('r1');
    expect(r1.showRunning()).toContain('snmp-server location rack 1');
    expect(r1.showRunning()).toContain(' description uplink to core');
    // Saved only after verification: startup holds the change too.
    expect(r1.startup).toContain('snmp-server location rack 1');
  });

  it('has nothing left to do afterwards', async () => {
    expect((await catnet('plan')).status).toBe(0);
    const deploy = await catnet('deploy', '--yes');
    expect(deploy.stdout).toContain('Nothing to deploy');
    expect(deploy.status).toBe(0);
  });

  it('refuses a device whose running config changed since the plan', async () => {
    env.intend('r2', routerConfig('r2', 1, ['snmp-server location rack 2', '!', 'snmp-server contact noc', '!']));
    expect((await catnet('plan', '--out', 'stale.json', '--device', 'r2')).status).toBe(3);
    await changeByHand(env.lab, 'r2', ['logging buffered 16384']);
    const deploy = await catnet('deploy', '--plan', 'stale.json', '--yes');
    expect(deploy.stdout).toMatch(/r2\s+stale\s+the running config changed since the plan/);
    expect(deploy.status).toBe(1);
    expect(env.lab.device('r2').showRunning()).not.toContain('snmp-server contact noc');
  });

  it('rolls a device back to the backup taken before a deployment', async () => {
    const result = await catnet('rollback', '--device', 'r1', '--to', `deployment:${firstDeployment}`, '--yes');
    expect(result.stdout).toContain(`Rollback of r1 to r1/`);
    expect(result.stdout).toMatch(/restored r1\/\S+ \(\d+ commands sent, device converged\)/);
    expect(result.status).toBe(0);
    expect(env.lab.device('r1').showRunning()).not.toContain('snmp-server location rack 1');
    expect(env.lab.device('r1').showRunning()).toContain(' description uplink\n');
  });

  it('records deployments, per-device results and backups', async () => {
    const history = await catnet('history', '--json');
    const list = JSON.parse(history.stdout) as { id: string; status: string }[];
    expect(list.map((d) => d.status)).toEqual(['failed', 'succeeded']);
    const show = await catnet('history', 'show', firstDeployment);
    expect(show.stdout).toContain('r1: succeeded');
    expect(show.stdout).toMatch(/check ok {3}reconnect/);
    expect(show.stdout).toMatch(/check ok {3}convergence/);
    const backups = await catnet('backups', 'list', '--device', 'r1');
    // The pre-deploy backup is the plan's when nothing changed in between (no duplicates); the change makes a new one.
    expect(backups.stdout).toMatch(/r1\/\S+\s+\S+\s+post-deploy\s+d-/);
    const logs = await catnet('logs', '--deployment', firstDeployment);
    expect(logs.stdout).toMatch(/INFO {2}deploy r1 \[d-\S+\]: pushed 2 commands \(4 lines\)/);
  });

  it('never lets a secret into an output, the job log or the history', async () => {
    const stored = readFileSync(join(env.dir, '.catnet', 'catnet.db')).toString('latin1');
    for (const text of [...outputs.flatMap((o) => [o.stdout, o.stderr]), stored]) {
      expect(text).not.toContain(LOGIN.password);
      expect(text).not.toContain(LOGIN.enableSecret);
    }
  });
});
