// The committed Action bundle, run as GitHub runs it (a node process with the event payload,
// INPUT_* variables and GITHUB_* files) against lab devices over SSH and a local double of the
// GitHub API: a pull request gets one plan comment, updated in place on the next push to it; the
// merge deploys and the devices match their intent; a bad config is annotated at its line.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPLOY_MARKER } from '../../src/action/deploy-comment.js';
import { PLAN_MARKER } from '../../src/action/comment.js';
import { startGitHubDouble, type GitHubDouble } from '../support/github-double.js';
import { changeByHand, routerConfig, startPipelineLab, type PipelineLab } from '../support/pipeline-lab.js';

const BUNDLE = fileURLToPath(new URL('../../action/index.mjs', import.meta.url));
const CHANGE = 'ip route 10.77.0.0 255.255.0.0 Null0';

let pl: PipelineLab;
let gh: GitHubDouble;
let runner: string;

beforeAll(async () => {
  pl = await startPipelineLab(2);
  gh = await startGitHubDouble('acme', 'network');
  runner = mkdtempSync(join(tmpdir(), 'catnet-action-runner-'));
}, 60_000);
afterAll(async () => {
  await gh?.close();
  await pl?.stop();
  rmSync(runner, { recursive: true, force: true });
});

interface ActionResult {
  code: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Runs the bundle for one event, as the runner does. */
function runAction(eventName: string, payload: unknown, sha: string, inputs: Record<string, string> = {}): Promise<ActionResult> {
  const eventFile = join(runner, `${eventName}-event.json`);
  const outputFile = join(runner, `output-${Date.now()}`);
  const summaryFile = join(runner, `summary-${Date.now()}`);
  writeFileSync(eventFile, JSON.stringify(payload));
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: runner,
    ...(pl.env as Record<string, string>),
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REPOSITORY: 'acme/network',
    GITHUB_SHA: sha,
    GITHUB_API_URL: gh.url,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_RUN_ID: '4242',
    GITHUB_WORKSPACE: pl.dir,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runner,
    'INPUT_GITHUB-TOKEN': 'ghs_double_token_1234567890',
    INPUT_CONFIG: 'catnet.config.yaml',
    INPUT_COMMENT: 'true',
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUNDLE], { cwd: pl.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stdout += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, outputs: parseOutputs(readFileSync(outputFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8') });
    });
  });
}

/** GITHUB_OUTPUT's `name<<delimiter … delimiter` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const block = /^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm;
  for (let m = block.exec(text); m; m = block.exec(text)) out[m[1] as string] = m[3] as string;
  return out;
}

const prEvent = (headSha: string) => ({ pull_request: { number: 7, base: { sha: 'base0001' }, head: { sha: headSha } } });

describe('the Action on a pull request, then on its merge', () => {
  it('plans only the affected device and posts one comment with its exact commands', async () => {
    pl.intend('r1', routerConfig('r1', 0, [CHANGE]));
    gh.state.pullFiles[7] = [{ filename: 'configs/r1.cfg', status: 'modified' }];
    const result = await runAction('pull_request', prEvent('head0001'), 'head0001');
    expect(result.code, result.stdout).toBe(0);
    const comments = gh.state.comments[7] ?? [];
    expect(comments).toHaveLength(1);
    const body = comments[0]?.body ?? '';
    expect(body.startsWith(PLAN_MARKER)).toBe(true);
    expect(body).toContain(CHANGE);
    expect(body).toMatch(/\| r1 \|/);
    expect(body).not.toMatch(/\| r2 \|/);
    expect(body).toContain('catnet:running-hashes');
    expect(result.outputs).toMatchObject({ 'has-changes': 'true', 'devices-changed': 'r1', status: 'changes' });
    expect(readFileSync(result.outputs['plan-json'] as string, 'utf8')).toContain(CHANGE);
    expect(result.summary).toContain(CHANGE);
    expect(body + result.summary + result.stdout).not.toContain('Pipeline-Pass-7f3k');
  }, 90_000);

  it('updates that comment in place on the next push to the pull request', async () => {
    pl.intend('r1', routerConfig('r1', 0, [CHANGE, 'ip route 10.78.0.0 255.255.0.0 Null0']));
    const result = await runAction('pull_request', prEvent('head0002'), 'head0002');
    expect(result.code, result.stdout).toBe(0);
    const comments = gh.state.comments[7] ?? [];
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain('ip route 10.78.0.0 255.255.0.0 Null0');
    expect(gh.requests.some((r) => r.startsWith('PATCH /repos/acme/network/issues/comments/'))).toBe(true);
  }, 90_000);

  it('deploys on merge: the device runs its intended config, and the outcome is commented on the pull request', async () => {
    gh.state.compare['base0001...merge0001'] = [{ filename: 'configs/r1.cfg', status: 'modified' }];
    gh.state.commitPulls.merge0001 = [{ number: 7, merged_at: '2026-11-23T12:00:00Z' }];
    const result = await runAction('push', { before: 'base0001', after: 'merge0001' }, 'merge0001');
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs).toMatchObject({ status: 'succeeded', 'devices-changed': 'r1' });
    expect(result.outputs['deployment-id']).toMatch(/^d-/);
    const running = pl.lab.nodes.find((n) => n.name === 'r1')?.device.showRunning() ?? '';
    expect(running).toContain(CHANGE);
    expect(running).toContain('ip route 10.78.0.0 255.255.0.0 Null0');
    const deployComment = (gh.state.comments[7] ?? []).find((c) => c.body.startsWith(DEPLOY_MARKER));
    expect(deployComment?.body).toMatch(/succeeded/);
    expect(deployComment?.body).toContain('r1');
  }, 90_000);

  it('annotates a bad intended config at its file and line, and fails', async () => {
    pl.intend('r2', `${routerConfig('r2', 1).replace('end\n', '')}banner motd ^C unterminated\nend\n`);
    gh.state.pullFiles[8] = [{ filename: 'configs/r2.cfg', status: 'modified' }];
    const result = await runAction('pull_request', { pull_request: { number: 8, base: { sha: 'base0001' }, head: { sha: 'head0003' } } }, 'head0003');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/::error title=CatNet%3A bad intended config,file=configs\/r2\.cfg,line=16::r2: configs\/r2\.cfg:16: banner motd is not terminated/);
    expect(result.outputs.status).toBe('error');
    expect(gh.state.comments[8]?.[0]?.body).toMatch(/r2/);
  }, 90_000);

  it('commits the backups of a backup run to backup-branch, as they are in the workspace', async () => {
    const route = 'ip route 10.99.0.0 255.255.0.0 Null0';
    await changeByHand(pl.lab, 'r1', [route]); // a new running config: a new backup
    const result = await runAction('push', { before: 'merge0001', after: 'merge0002' }, 'merge0002', { command: 'backup', devices: 'r1', 'backup-branch': 'catnet-backups' });
    expect(result.code, result.stdout).toBe(0);
    const branch = gh.state.branches['catnet-backups'];
    const paths = Object.keys(branch?.files ?? {});
    expect(paths).toHaveLength(2);
    const cfg = paths.find((p) => /^backups\/r1\/\d{8}T\d{6}Z\.cfg$/.test(p)) ?? '';
    const committed = branch?.files[cfg] ?? '';
    expect(committed).toContain(route);
    expect(committed).toBe(readFileSync(join(pl.dir, cfg), 'utf8'));
    const json = cfg.replace(/\.cfg$/, '.json');
    expect(branch?.files[json]).toBe(readFileSync(join(pl.dir, json), 'utf8'));
    expect(JSON.parse(branch?.files[json] ?? '{}')).toMatchObject({ id: cfg.slice('backups/'.length, -'.cfg'.length), device: 'r1' });
    expect(result.stdout).toContain(branch?.commit);
    expect(result.summary).toContain('committed to branch `catnet-backups`');
    expect(result.stdout).not.toContain('Pipeline-Pass-7f3k');
  }, 90_000);
});
