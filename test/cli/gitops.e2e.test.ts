// `catnet gitops` through the built CLI, with GitHub's API answered by msw inside the CLI
// process (test/support/fake-github-preload.ts): connect, list, show, a refused connect that
// records nothing, and disconnect.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FakeRepo } from '../support/fake-github.js';
import { runCli } from '../support/run-cli.js';

const TOKEN = 'ghp_test0nly0token0value0000000000000000';
const repo: FakeRepo = {
  repo: 'acme/network',
  refs: ['main', 'v1.0'],
  files: {
    'README.md': '# network\n',
    'configs/r1.cfg': 'hostname r1\n!\nend\n',
    'configs/templates/edge.cfg.njk': 'hostname {{ device.name }}\nsnmp-server location {{ site_name }}\n',
  },
};

describe('catnet gitops', () => {
  let dir: string;
  const run = (args: string[], fake: FakeRepo | null = repo) => runCli(args, { cwd: dir, fakeGitHub: fake ?? undefined, env: { GITHUB_TOKEN: TOKEN, CATNET_CONFIG: undefined } });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'catnet-gitops-'));
    mkdirSync(join(dir, 'configs'));
    writeFileSync(join(dir, 'configs', 'r1.cfg'), 'hostname r1-local\n');
    writeFileSync(
      join(dir, 'catnet.config.yaml'),
      ['devices:', '  - { name: r1, host: 10.0.0.1 }', '  - { name: r2, host: 10.0.0.2, template: templates/edge.cfg.njk, vars: { site_name: Amsterdam } }', ''].join('\n'),
    );
  });

  it('connects to a repository folder at a ref after listing it, and records the connection', () => {
    const result = run(['gitops', 'connect', 'acme/network', '--ref', 'v1.0']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^connected github:acme\/network@v1\.0:configs \(commit [0-9a-f]{12}\): 2 files; 2 of 2 devices have an intended config there\n$/);
    expect(result.status).toBe(0);
    const state = JSON.parse(readFileSync(join(dir, '.catnet', 'gitops.json'), 'utf8')) as Record<string, string>;
    expect(state).toMatchObject({ repo: 'acme/network', ref: 'v1.0', path: 'configs', token_env: 'GITHUB_TOKEN' });
    expect(JSON.stringify(state)).not.toContain(TOKEN);
  });

  it('lists and shows the configs from the connected repository', () => {
    const list = run(['gitops', 'list-configs']);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/^configs from github:acme\/network@v1\.0:configs \(commit [0-9a-f]{12}\), connected with `catnet gitops connect`\n/);
    expect(list.stdout).toContain('r1      file      r1.cfg\n');
    expect(list.stdout).toContain('r2      template  templates/edge.cfg.njk\n');
    const show = run(['gitops', 'show', 'r2']);
    expect(show.stdout).toBe('hostname r2\nsnmp-server location Amsterdam\n');
    expect(show.status).toBe(0);
  });

  it('refuses a repository GitHub does not know, naming it, and keeps the connection it had', () => {
    const result = run(['gitops', 'connect', 'acme/missing']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^catnet: .*acme\/missing/);
    expect(result.stderr + result.stdout).not.toContain(TOKEN);
    expect(readFileSync(join(dir, '.catnet', 'gitops.json'), 'utf8')).toContain('"ref": "v1.0"');
  });

  it('disconnects back to the local folder', () => {
    const result = run(['gitops', 'disconnect'], null);
    expect(result.stdout).toBe('disconnected; configs now come from configs/\n');
    expect(existsSync(join(dir, '.catnet', 'gitops.json'))).toBe(false);
    const show = run(['gitops', 'show', 'r1'], null);
    expect(show.stdout).toBe('hostname r1-local\n');
  });

  it('exits 2 from list-configs when a device has no intended config', () => {
    const result = run(['gitops', 'list-configs'], null);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('r2      missing');
  });
});
