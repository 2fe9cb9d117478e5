// Intended configs from a folder of a GitHub repository at a ref (branch, tag or commit SHA).
// The ref is resolved to one commit and its tree listed once per instance, so every file of a
// run comes from the same commit (recorded as `commitSha`) even if the branch moves meanwhile.
// File contents are fetched by blob SHA and cached on disk, so unchanged files cost nothing.

import { posix } from 'node:path';
import type { Octokit } from '@octokit/rest';
import { GitHubApi } from './github-api.js';
import { BlobCache } from './github-cache.js';
import type { FailureContext } from './github-errors.js';
import { listBlobs } from './github-tree.js';
import type { ConfigSource } from './source.js';

export { GitHubSourceError, type GitHubSourceErrorKind } from './github-errors.js';

export interface GitHubSourceOptions {
  /** `owner/name`. */
  repo: string;
  /** Branch, tag or commit SHA. */
  ref: string;
  /** Folder in the repository; '' or '.' for its root. */
  path: string;
  token?: string;
  /** The environment variable the token came from, named in authentication errors. */
  tokenEnv?: string;
  /** Folder of the blob cache; shared by every source and ref. */
  cacheDir: string;
  /** Defaults to https://api.github.com; GitHub Enterprise is `https://host/api/v3`. */
  baseUrl?: string;
  /** Used instead of one built from `token` and `baseUrl`. */
  octokit?: Octokit;
  /** The longest wait for a rate limit to reset before retrying once; longer limits fail at once. Default 60 s. */
  maxRateLimitWaitMs?: number;
}

// GitHub's rules: owner of letters, digits and hyphens; repository also '.' and '_', but not '.' or '..'.
const REPO = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/(?!\.\.?$)([A-Za-z0-9._-]+)$/;

export class GitHubSource implements ConfigSource {
  readonly description: string;
  private readonly root: string;
  private readonly ctx: FailureContext;
  private readonly api: GitHubApi;
  private readonly cache: BlobCache;
  private listing: Promise<Map<string, string>> | undefined;
  private resolvedSha: string | undefined;
  // One download per blob even when the same file is read concurrently.
  private readonly reads = new Map<string, Promise<string>>();

  constructor(private readonly options: GitHubSourceOptions) {
    if (!REPO.test(options.repo)) throw new Error(`invalid GitHub repository '${options.repo}': expected 'owner/name'`);
    if (options.ref.trim() === '') throw new Error(`no ref given for GitHub repository ${options.repo}`);
    this.root = normalizeFolder(options.path, options.repo);
    this.description = `github:${options.repo}@${options.ref}${this.root === '' ? '' : `:${this.root}`}`;
    this.ctx = { repo: options.repo, ref: options.ref, token: options.token, tokenEnv: options.tokenEnv };
    this.api = new GitHubApi(this.ctx, { ...options, maxRateLimitWaitMs: options.maxRateLimitWaitMs ?? 60_000 });
    this.cache = new BlobCache(options.cacheDir);
  }

  /** The commit the ref resolved to, once the files have been listed or read; undefined before. */
  get commitSha(): string | undefined {
    return this.resolvedSha;
  }

  async listFiles(): Promise<string[]> {
    return [...(await this.blobs()).keys()];
  }

  async readFile(path: string): Promise<string | undefined> {
    const sha = (await this.blobs()).get(posix.normalize(path).replace(/^\/+/, ''));
    if (sha === undefined) return undefined;
    let read = this.reads.get(sha);
    if (read === undefined) {
      read = this.fetchBlob(sha);
      this.reads.set(sha, read);
      read.catch(() => this.reads.delete(sha));
    }
    return read;
  }

  locate(path: string): string {
    return `github:${this.options.repo}@${this.options.ref}:${this.root === '' ? path : `${this.root}/${path}`}`;
  }

  /** The listing, requested once; a failed attempt is forgotten so that a later call tries again. */
  private blobs(): Promise<Map<string, string>> {
    if (this.listing === undefined) {
      const listing = this.list();
      this.listing = listing;
      listing.catch(() => {
        if (this.listing === listing) this.listing = undefined;
      });
    }
    return this.listing;
  }

  private async list(): Promise<Map<string, string>> {
    const { commitSha, treeSha } = await this.api.resolveRef();
    this.resolvedSha = commitSha;
    return listBlobs(this.api, treeSha, this.root, this.ctx);
  }

  private async fetchBlob(sha: string): Promise<string> {
    let content = await this.cache.get(sha);
    if (content === undefined) {
      content = await this.api.getBlob(sha);
      await this.cache.put(sha, content);
    }
    return content.toString('utf8');
  }
}

/** `configs/`, `./configs`, `.` and `` as the folder's path in the repository ('' for its root). */
function normalizeFolder(path: string, repo: string): string {
  const folder = posix.normalize(`${path}/`).replace(/^\.?\/+|\/+$/g, '');
  if (folder === '..' || folder.startsWith('../')) throw new Error(`folder '${path}' of GitHub repository ${repo} leaves the repository`);
  return folder;
}
