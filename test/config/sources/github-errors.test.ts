import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitHubSource, GitHubSourceError, type GitHubSourceOptions } from '../../../src/config/sources/github.js';
import { useFakeGitHub, type Kind } from './github-fake.js';

const fake = useFakeGitHub({ repo: 'acme/network', refs: ['main'], files: { 'configs/core-1.cfg': 'hostname core-1\n' } });

const TOKEN = 'ghp_s3cretT0kenValue1234567890';

let cacheDir: string;
beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'catnet-github-'));
});
afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

const source = (options: Partial<GitHubSourceOptions> = {}) =>
  new GitHubSource({ repo: 'acme/network', ref: 'main', path: 'configs', cacheDir, token: TOKEN, ...options });

/** The error listing rejects with; it must never show the token. */
async function listingError(src: GitHubSource): Promise<GitHubSourceError> {
  const error = await src.listFiles().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GitHubSourceError);
  expect(String((error as Error).message)).not.toContain(TOKEN);
  expect(JSON.stringify(error)).not.toContain(TOKEN);
  return error as GitHubSourceError;
}

/** Answers requests of `kind` with `response` the first `times` times. */
function failFirst(kind: Kind, times: number, response: () => Response): void {
  let left = times;
  fake.intercept = (k) => (k === kind && left-- > 0 ? response() : undefined);
}

const rateLimited = (resetSeconds: number, status = 403) =>
  HttpResponse.json(
    { message: 'API rate limit exceeded' },
    { status, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + resetSeconds) } },
  );

describe('GitHubSource errors', () => {
  it('reports a missing repository, or one the token cannot see', async () => {
    const error = await listingError(source({ repo: 'acme/nothing', tokenEnv: 'GITHUB_TOKEN' }));
    expect(error.kind).toBe('not_found_repo');
    expect(error.message).toBe('GitHub repository acme/nothing not found, or the token in $GITHUB_TOKEN lacks access to it');
  });

  it('says a private repository needs a token when none was given', async () => {
    const error = await listingError(source({ repo: 'acme/nothing', token: undefined }));
    expect(error.message).toBe('GitHub repository acme/nothing not found, or it is private and no token was given');
  });

  it('reports an unknown ref, naming it', async () => {
    const error = await listingError(source({ ref: 'no-such-branch' }));
    expect(error.kind).toBe('not_found_ref');
    expect(error.message).toContain("ref 'no-such-branch' not found in GitHub repository acme/network");
  });

  it('tells an unknown ref from a missing repository when GitHub answers 404 for both', async () => {
    failFirst('commit', 1, () => HttpResponse.json({ message: 'Not Found' }, { status: 404 }));
    const error = await listingError(source({ ref: 'gone' }));
    expect(error.kind).toBe('not_found_ref');
    expect(fake.counts.repo).toBe(1);
  });

  it('reports a folder missing at the ref, naming both', async () => {
    const error = await listingError(source({ path: 'configs/nope' }));
    expect(error.kind).toBe('not_found_path');
    expect(error.message).toBe("folder 'configs/nope' not found in GitHub repository acme/network at ref 'main'");
  });

  it('reports a folder that is a file as missing', async () => {
    expect((await listingError(source({ path: 'configs/core-1.cfg' }))).kind).toBe('not_found_path');
  });

  it('reports a rejected token, naming its variable', async () => {
    failFirst('commit', 1, () => HttpResponse.json({ message: 'Bad credentials' }, { status: 401 }));
    const error = await listingError(source({ tokenEnv: 'CATNET_GITHUB_TOKEN' }));
    expect(error.kind).toBe('auth');
    expect(error.status).toBe(401);
    expect(error.message).toContain('GitHub rejected the token in $CATNET_GITHUB_TOKEN (401 bad credentials)');
  });

  it('sends the token in the authorization header', async () => {
    let auth: string | null = null;
    fake.intercept = (_, request) => {
      auth ??= request.headers.get('authorization');
      return undefined;
    };
    await source().listFiles();
    expect(auth).toBe(`token ${TOKEN}`);
  });

  it('fails at once when the rate limit resets later than it would wait, saying when', async () => {
    failFirst('commit', 1, () => rateLimited(3600));
    const started = Date.now();
    const error = await listingError(source());
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error.kind).toBe('rate_limited');
    expect(error.message).toMatch(/^GitHub API rate limit exceeded reading acme\/network; it resets at \d{4}-\d\d-\d\dT[\d:.]+Z \(in 360\d s\)$/);
    expect(fake.counts.commit).toBe(1);
  });

  it('advises a token when unauthenticated requests hit the rate limit', async () => {
    failFirst('tree', 1, () => rateLimited(3600, 429));
    const error = await listingError(source({ token: undefined }));
    expect(error.message).toContain('unauthenticated requests are limited to 60 an hour, so set a token');
  });

  it('waits for a rate limit that resets soon, then retries once', async () => {
    failFirst('blob', 1, () => rateLimited(1));
    const started = Date.now();
    expect(await source({ maxRateLimitWaitMs: 3000 }).readFile('core-1.cfg')).toBe('hostname core-1\n');
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(fake.counts.blob).toBe(2);
  });

  it('gives up when the retry is rate limited again', async () => {
    failFirst('tree', 2, () => rateLimited(0));
    expect((await listingError(source())).kind).toBe('rate_limited');
    expect(fake.counts.tree).toBe(2);
  });

  it('waits for a secondary rate limit as long as retry-after says', async () => {
    failFirst('commit', 1, () => HttpResponse.json({ message: 'secondary rate limit' }, { status: 403, headers: { 'retry-after': '1' } }));
    const started = Date.now();
    expect(await source().listFiles()).toEqual(['core-1.cfg']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('reports a 403 that is no rate limit as an authorization problem', async () => {
    failFirst('tree', 1, () => HttpResponse.json({ message: 'Resource not accessible by integration' }, { status: 403 }));
    expect((await listingError(source())).kind).toBe('auth');
  });

  it('reports an unreachable GitHub as a network error', async () => {
    failFirst('commit', 1, () => HttpResponse.error());
    const error = await listingError(source());
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/^cannot reach GitHub for acme\/network: /);
  });

  it('masks the token when GitHub echoes it in a server error', async () => {
    failFirst('tree', 1, () => HttpResponse.json({ message: `internal error for ${TOKEN}` }, { status: 500 }));
    const error = await listingError(source());
    expect(error.kind).toBe('network');
    expect(error.message).toContain('GitHub answered 500: internal error for ********');
  });

  it('tries again on the next call after a failed listing', async () => {
    failFirst('commit', 1, () => HttpResponse.error());
    const src = source();
    await listingError(src);
    expect(await src.listFiles()).toEqual(['core-1.cfg']);
  });
});
