// One comment per pull request and purpose, updated in place on every run rather than a new
// comment per push: it is found again by the hidden marker its body carries.

import type { Octokit } from '@octokit/rest';

export interface CommentTarget {
  owner: string;
  repo: string;
  issueNumber: number;
}

/** Updates the first comment of the issue that carries `marker`, or creates one; `body` should carry the marker. */
export async function upsertComment(octokit: Octokit, target: CommentTarget, marker: string, body: string): Promise<{ id: number; url: string; created: boolean }> {
  const { owner, repo, issueNumber } = target;
  const existing = await findMarkedComment(octokit, target, marker);
  if (existing !== undefined) {
    const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
    return { id: data.id, url: data.html_url, created: false };
  }
  const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
  return { id: data.id, url: data.html_url, created: true };
}

/** The first comment of the issue carrying `marker` (the deploy reads the PR's plan comment), reading pages only until it is found. */
export async function findMarkedComment(octokit: Octokit, target: CommentTarget, marker: string): Promise<{ id: number; url: string; body: string } | undefined> {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, { owner: target.owner, repo: target.repo, issue_number: target.issueNumber, per_page: 100 });
  for await (const page of pages) {
    const found = page.data.find((comment) => comment.body?.includes(marker));
    if (found) return { id: found.id, url: found.html_url, body: found.body ?? '' };
  }
  return undefined;
}
