// What GitHub Actions tells a step about its run: the event and its payload, the repository,
// the commit, the API and server URLs, and the files for outputs and the job summary.

import { readFileSync } from 'node:fs';

export interface PullRequestInfo {
  number: number;
  baseSha: string;
  headSha: string;
}

export interface ActionEnv {
  eventName: string;
  /** The event payload (GITHUB_EVENT_PATH), `{}` when there is none. */
  event: Record<string, unknown>;
  owner: string;
  repo: string;
  sha: string;
  apiUrl: string;
  /** Link to this workflow run, for comments. */
  runUrl: string | undefined;
  /** The checked-out repository: repo-relative paths are relative to it. */
  workspace: string;
  /** Temporary folder of the runner (plan.json goes there). */
  tempDir: string;
  pullRequest: PullRequestInfo | undefined;
}

export class ActionEnvError extends Error {
  override readonly name = 'ActionEnvError';
}

export function readActionEnv(env: Record<string, string | undefined>): ActionEnv {
  const repository = env.GITHUB_REPOSITORY ?? '';
  const [owner, repo] = repository.split('/');
  if (!owner || !repo) throw new ActionEnvError(`GITHUB_REPOSITORY must be owner/name, not "${repository}": is this running in GitHub Actions?`);
  const event = env.GITHUB_EVENT_PATH ? (JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as Record<string, unknown>) : {};
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const pr = event.pull_request as { number?: number; base?: { sha?: string }; head?: { sha?: string } } | undefined;
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    event,
    owner,
    repo,
    sha: env.GITHUB_SHA ?? '',
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    runUrl: env.GITHUB_RUN_ID ? `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    tempDir: env.RUNNER_TEMP ?? env.TMPDIR ?? '/tmp',
    pullRequest: pr?.number && pr.base?.sha && pr.head?.sha ? { number: pr.number, baseSha: pr.base.sha, headSha: pr.head.sha } : undefined,
  };
}
