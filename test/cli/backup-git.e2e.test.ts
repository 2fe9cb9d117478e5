// `catnet backup` into a backups folder that is a Git repository: a commit per changed config,
// none when nothing changed (no noise), files private.

import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeByHand, startPipelineLab, type PipelineLab } from '../support/pipeline-lab.js';
import { runCliAsync } from '../support/run-cli.js';

describe('catnet backup with Git', () => {
  let env: PipelineLab;
  let backups: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: backups, encoding: 'utf8' });

  beforeAll(async () => {
    env = await startPipelineLab(1);
    backups = join(env.dir, 'backups');
    mkdirSync(backups);
    git('init', '-q');
    git('config', 'user.name', 'Test');
    git('config', 'user.email', 'test@example.net');
  });
  afterAll(async () => {
    await env.stop();
  });

  it('commits a backup when the config changed, and nothing when it did not', async () => {
    const first = await runCliAsync(['backup'], { cwd: env.dir, env: env.env });
    expect(first.stdout).toMatch(/r1\s+saved\s+r1\/\d{8}T\d{6}Z/);
    const again = await runCliAsync(['backup'], { cwd: env.dir, env: env.env });
    expect(again.stdout).toMatch(/r1\s+unchanged/);
    expect(git('log', '--format=%s').trim().split('\n')).toEqual(['backup r1: manual']);

    await changeByHand(env.lab, 'r1', ['snmp-server location moved']);
    await runCliAsync(['backup', '--device', 'r1'], { cwd: env.dir, env: env.env });
    expect(git('log', '--format=%s').trim().split('\n')).toEqual(['backup r1: manual', 'backup r1: manual']);
    expect(git('log', '-1', '--format=%b')).toMatch(/trigger: cli:\S+\nsha256: [0-9a-f]{64}/);
    const files = readdirSync(join(backups, 'r1')).filter((f) => f.endsWith('.cfg'));
    expect(files).toHaveLength(2);
    for (const f of files) expect(statSync(join(backups, 'r1', f)).mode & 0o777).toBe(0o600);
  });
});
