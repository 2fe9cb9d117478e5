// The few GitHub REST calls the config source makes, each turned into a GitHubSourceError on
// failure and retried once after a rate limit that resets soon enough to wait for.

import { setTimeout as sleep } from 'node:timers/promises';
import { Octokit } from '@octokit/rest';
import { refNotFound, toSourceError, rateLimitWaitMs, type FailureContext } from './github-errors.js';

export interface TreeEntry {
  path: string;
  type: 'blob' | 'tree' | 'commit';
  mode: string;
  sha: string;
}

export interface Tree {
  entries: TreeEntry[];
  truncated: boolean;
}

export interface GitHubApiOptions {
  token?: string;
  baseUrl?: string;
  octokit?: Octokit;
  maxRateLimitWaitMs: number;
}

/** A plain Octokit: no retry or throttling plugins (rate limits are handled here), global fetch. */
export function createOctokit(token: string | undefined, baseUrl: string): Octokit {
  // Looked up per request, so a fetch patched after construction (msw in tests, proxies) is used.
  const fetch: typeof globalThis.fetch = (input, init) => globalThis.fetch(input, init);
  // Failed requests are reported as GitHubSourceErrors; octokit's own request log would print
  // each one (even an expected 404 or a rate limit waited out) to stderr.
  const quiet = () => {};
  const log = { debug: quiet, info: quiet, warn: console.warn.bind(console), error: quiet };
  return new Octokit({ auth: token, baseUrl, request: { fetch }, userAgent: 'catnet', log });
}

export class GitHubApi {
  private readonly octokit: Octokit;
  private readonly owner: string;
  private readonly name: string;

  constructor(
    private readonly ctx: FailureContext,
    private readonly options: GitHubApiOptions,
  ) {
    [this.owner = '', this.name = ''] = ctx.repo.split('/');
    this.octokit = options.octokit ?? createOctokit(options.token, options.baseUrl ?? 'https://api.github.com');
  }

  /** The commit `ref` (branch, tag or SHA) names, and its root tree. */
  async resolveRef(): Promise<{ commitSha: string; treeSha: string }> {
    try {
      const { data } = await this.call(() => this.octokit.repos.getCommit({ owner: this.owner, repo: this.name, ref: this.ctx.ref, per_page: 1 }));
      return { commitSha: data.sha, treeSha: data.commit.tree.sha };
    } catch (error) {
      const status = (error as { status?: number }).status;
      // 422 "No commit found", 409 empty repository: the repository is there, the ref is not.
      if (status === 422 || status === 409) throw refNotFound(this.ctx, status);
      // A 404 means either; asking for the repository itself tells which.
      if (status === 404 && (await this.repoExists())) throw refNotFound(this.ctx, status);
      throw error;
    }
  }

  async getTree(treeSha: string, recursive: boolean): Promise<Tree> {
    const { data } = await this.call(() =>
      this.octokit.git.getTree({ owner: this.owner, repo: this.name, tree_sha: treeSha, ...(recursive ? { recursive: 'true' } : {}) }),
    );
    const entries = data.tree.flatMap((e) =>
      e.path !== undefined && e.sha !== undefined && e.mode !== undefined ? [{ path: e.path, type: e.type as TreeEntry['type'], mode: e.mode, sha: e.sha }] : [],
    );
    return { entries, truncated: data.truncated };
  }

  /** A blob's bytes; GitHub sends them base64-encoded. */
  async getBlob(sha: string): Promise<Buffer> {
    const { data } = await this.call(() => this.octokit.git.getBlob({ owner: this.owner, repo: this.name, file_sha: sha }));
    return Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8');
  }

  private async repoExists(): Promise<boolean> {
    try {
      await this.call(() => this.octokit.repos.get({ owner: this.owner, repo: this.name }));
      return true;
    } catch (error) {
      if ((error as { status?: number }).status === 404) return false;
      throw error;
    }
  }

  /** Runs `request`, waiting out one rate limit that resets within `maxRateLimitWaitMs`. */
  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      const waitMs = rateLimitWaitMs(error);
      if (waitMs === undefined || waitMs > this.options.maxRateLimitWaitMs) throw toSourceError(error, this.ctx);
      await sleep(waitMs);
      try {
        return await request();
      } catch (again) {
        throw toSourceError(again, this.ctx);
      }
    }
  }
}
