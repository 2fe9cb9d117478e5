// Committing backups through the Git data API, against a mocked GitHub: a commit on the branch's
// head (keeping its tree), an orphan commit for a new branch, one retry when the branch moved
// meanwhile, and no request at all when there is nothing to commit.

import { Octokit } from '@octokit/rest';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commitBackupsToBranch } from '../../src/action/backup-branch.js';

const API = 'https://api.github.test';
const REPO = `${API}/repos/acme/net`;
const repo = { owner: 'acme', repo: 'net' };
const files = [
  { path: 'backups/r1/20261123T120000Z.cfg', content: 'hostname r1\nenable secret 5 $1$abc\nend\n' },
  { path: 'backups/r1/20261123T120000Z.json', content: '{"id":"r1/20261123T120000Z"}\n' },
];

interface Call {
  method: string;
  path: string;
  body: Record<string, unknown> | undefined;
}

let calls: Call[];
let refs: Record<string, string>;
let commits: Record<string, { tree: string; parents: string[] }>;
let trees: Set<string>;
let seq: number;
/** Called before a PATCH of a ref is applied: a test can move the branch there, as a concurrent run would. */
let beforePatch: (() => void) | undefined;

const server = setupServer(
  http.all(`${REPO}/git/*`, async ({ request }) => {
    const path = decodeURIComponent(new URL(request.url).pathname.slice('/repos/acme/net/git/'.length));
    const body = request.method === 'GET' ? undefined : ((await request.json()) as Record<string, unknown>);
    calls.push({ method: request.method, path, body });
    const sha = (kind: string): string => `${kind}${seq++}`;
    if (request.method === 'GET' && path.startsWith('ref/')) {
      const commit = refs[path.slice('ref/'.length)];
      return commit ? HttpResponse.json({ ref: `refs/${path.slice(4)}`, object: { sha: commit, type: 'commit' } }) : HttpResponse.json({ message: 'Not Found' }, { status: 404 });
    }
    if (request.method === 'GET' && path.startsWith('commits/')) {
      const commit = commits[path.slice('commits/'.length)];
      return commit ? HttpResponse.json({ sha: path.slice(8), tree: { sha: commit.tree }, parents: commit.parents.map((p) => ({ sha: p })) }) : HttpResponse.json({ message: 'Not Found' }, { status: 404 });
    }
    if (path === 'blobs') return HttpResponse.json({ sha: sha('blob') }, { status: 201 });
    if (path === 'trees') {
      const tree = sha('tree');
      trees.add(tree);
      return HttpResponse.json({ sha: tree }, { status: 201 });
    }
    if (path === 'commits') {
      const commit = sha('commit');
      commits[commit] = { tree: String(body?.tree), parents: body?.parents as string[] };
      return HttpResponse.json({ sha: commit }, { status: 201 });
    }
    if (request.method === 'POST' && path === 'refs') {
      const name = String(body?.ref).replace(/^refs\//, '');
      if (refs[name]) return HttpResponse.json({ message: 'Reference already exists' }, { status: 422 });
      refs[name] = String(body?.sha);
      return HttpResponse.json({ ref: body?.ref, object: { sha: body?.sha } }, { status: 201 });
    }
    if (request.method === 'PATCH' && path.startsWith('refs/')) {
      const move = beforePatch;
      beforePatch = undefined;
      move?.();
      const name = path.slice('refs/'.length);
      const next = String(body?.sha);
      // Without force, a ref only moves forward: the new commit must have the current head as parent.
      if (!commits[next]?.parents.includes(refs[name] ?? '')) return HttpResponse.json({ message: 'Update is not a fast forward' }, { status: 422 });
      refs[name] = next;
      return HttpResponse.json({ ref: `refs/${name}`, object: { sha: next } });
    }
    return HttpResponse.json({ message: `unexpected ${request.method} ${path}` }, { status: 500 });
  }),
);
const quiet = (): void => undefined;
const gh = new Octokit({ baseUrl: API, log: { debug: quiet, info: quiet, warn: quiet, error: quiet } });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  calls = [];
  refs = {};
  commits = { base1: { tree: 'basetree1', parents: [] } };
  trees = new Set(['basetree1']);
  seq = 1;
  beforePatch = undefined;
});

const steps = (): string[] => calls.map((c) => `${c.method} ${c.path}`);

describe('commitBackupsToBranch', () => {
  it('commits on the head of an existing branch, keeping its tree, and moves the ref without force', async () => {
    refs['heads/catnet/backups'] = 'base1';
    const result = await commitBackupsToBranch(gh, repo, 'catnet/backups', files, 'catnet: backups of 1 device(s) (d-1)\n\nr1/20261123T120000Z\n');
    expect(steps()).toEqual(['POST blobs', 'POST blobs', 'GET ref/heads/catnet/backups', 'GET commits/base1', 'POST trees', 'POST commits', 'PATCH refs/heads/catnet/backups']);
    expect(calls.slice(0, 2).map((c) => c.body)).toEqual(files.map((f) => ({ content: f.content, encoding: 'utf-8' })));
    expect(calls[4]?.body).toEqual({
      base_tree: 'basetree1',
      tree: [
        { path: files[0]?.path, mode: '100644', type: 'blob', sha: 'blob1' },
        { path: files[1]?.path, mode: '100644', type: 'blob', sha: 'blob2' },
      ],
    });
    expect(calls[5]?.body).toMatchObject({ tree: 'tree3', parents: ['base1'], message: expect.stringContaining('(d-1)') as unknown });
    expect(calls[6]?.body).toEqual({ sha: 'commit4', force: false });
    expect(result).toEqual({ sha: 'commit4', createdBranch: false });
    expect(refs['heads/catnet/backups']).toBe('commit4');
  });

  it('creates a missing branch as an orphan commit holding only the backups', async () => {
    const result = await commitBackupsToBranch(gh, repo, 'catnet-backups', files, 'catnet: backups of 1 device(s) (backup)');
    expect(steps()).toEqual(['POST blobs', 'POST blobs', 'GET ref/heads/catnet-backups', 'POST trees', 'POST commits', 'POST refs']);
    expect(calls[3]?.body).not.toHaveProperty('base_tree');
    expect(calls[4]?.body).toMatchObject({ parents: [] });
    expect(calls[5]?.body).toEqual({ ref: 'refs/heads/catnet-backups', sha: 'commit4' });
    expect(result).toEqual({ sha: 'commit4', createdBranch: true });
    expect(refs['heads/catnet-backups']).toBe('commit4');
  });

  it('redoes the commit once on the new head when the branch moved meanwhile (422)', async () => {
    refs['heads/catnet-backups'] = 'base1';
    commits.other9 = { tree: 'othertree9', parents: ['base1'] };
    beforePatch = () => (refs['heads/catnet-backups'] = 'other9');
    const result = await commitBackupsToBranch(gh, repo, 'catnet-backups', files, 'm');
    expect(steps()).toEqual([
      'POST blobs',
      'POST blobs',
      'GET ref/heads/catnet-backups',
      'GET commits/base1',
      'POST trees',
      'POST commits',
      'PATCH refs/heads/catnet-backups',
      'GET ref/heads/catnet-backups',
      'GET commits/other9',
      'POST trees',
      'POST commits',
      'PATCH refs/heads/catnet-backups',
    ]);
    expect(calls[9]?.body).toMatchObject({ base_tree: 'othertree9' });
    expect(calls[10]?.body).toMatchObject({ parents: ['other9'] });
    expect(result).toEqual({ sha: 'commit6', createdBranch: false });
    expect(refs['heads/catnet-backups']).toBe('commit6');
  });

  it('gives up after one retry when the branch keeps moving', async () => {
    refs['heads/catnet-backups'] = 'base1';
    commits.other9 = { tree: 'othertree9', parents: ['base1'] };
    commits.other10 = { tree: 'othertree10', parents: ['other9'] };
    beforePatch = () => {
      refs['heads/catnet-backups'] = 'other9';
      beforePatch = () => (refs['heads/catnet-backups'] = 'other10');
    };
    await expect(commitBackupsToBranch(gh, repo, 'catnet-backups', files, 'm')).rejects.toMatchObject({ status: 422 });
    expect(steps().filter((s) => s.startsWith('PATCH'))).toHaveLength(2);
    expect(refs['heads/catnet-backups']).toBe('other10');
  });

  it('makes no request when there is no file to commit', async () => {
    expect(await commitBackupsToBranch(gh, repo, 'catnet-backups', [], 'm')).toBeUndefined();
    expect(calls).toEqual([]);
  });
});
