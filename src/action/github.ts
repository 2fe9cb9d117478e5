// The few GitHub API calls the Action makes, through Octokit (GITHUB_API_URL, so GitHub
// Enterprise and test doubles work): a pull request's files, the files between two commits,
// the pull request a merge commit came from, and a file's text at a commit.

import { Octokit } from '@octokit/rest';
import type { ChangedFile } from './affected.js';

export interface Repo {
  owner: string;
  repo: string;
}

export function githubClient(token: string, apiUrl: string): Octokit {
  return new Octokit({ auth: token || undefined, baseUrl: apiUrl, userAgent: 'catnet-action' });
}

export async function pullRequestFiles(gh: Octokit, repo: Repo, number: number): Promise<ChangedFile[]> {
  const files = await gh.paginate(gh.pulls.listFiles, { ...repo, pull_number: number, per_page: 100 });
  return files.map((f) => ({ path: f.filename, status: f.status, ...(f.previous_filename ? { previousPath: f.previous_filename } : {}) }));
}

/** Files changed between two commits (a push's `before` and `after`). */
export async function filesBetween(gh: Octokit, repo: Repo, base: string, head: string): Promise<ChangedFile[]> {
  const files: ChangedFile[] = [];
  for (let page = 1; ; page++) {
    const { data } = await gh.repos.compareCommitsWithBasehead({ ...repo, basehead: `${base}...${head}`, per_page: 100, page });
    for (const f of data.files ?? []) files.push({ path: f.filename, status: f.status, ...(f.previous_filename ? { previousPath: f.previous_filename } : {}) });
    if ((data.files ?? []).length < 100) return files;
  }
}

/** The merged pull request a commit on the default branch came from, if any. */
export async function mergedPullRequest(gh: Octokit, repo: Repo, sha: string): Promise<number | undefined> {
  const { data } = await gh.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: sha });
  return data.find((pr) => pr.merged_at)?.number ?? data[0]?.number;
}

/** A file's text at a commit; undefined when it does not exist there. */
export async function fileAt(gh: Octokit, repo: Repo, path: string, ref: string): Promise<string | undefined> {
  try {
    const { data } = await gh.repos.getContent({ ...repo, path, ref });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined;
    return Buffer.from(data.content, 'base64').toString('utf8');
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  }
}
