// Why the GitHub config source failed, in words a person can act on: which repository, ref or
// folder is missing, whether the token is bad, or when the rate limit resets. Octokit's errors are
// read by shape (status, response headers) so this module does not depend on its classes.

export type GitHubSourceErrorKind = 'not_found_repo' | 'not_found_ref' | 'not_found_path' | 'auth' | 'rate_limited' | 'network';

export class GitHubSourceError extends Error {
  constructor(
    readonly kind: GitHubSourceErrorKind,
    message: string,
    /** The HTTP status GitHub answered, when it answered. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'GitHubSourceError';
  }
}

/** What a failure message needs to name; the token itself is only there to be masked. */
export interface FailureContext {
  repo: string;
  ref: string;
  token: string | undefined;
  tokenEnv: string | undefined;
}

interface HttpFailure {
  status: number | undefined;
  headers: Record<string, string | number | undefined>;
  message: string;
}

function httpFailure(error: unknown): HttpFailure {
  const e = error as { status?: unknown; response?: { headers?: Record<string, string | number | undefined> }; message?: unknown };
  // Octokit reports a failed fetch as status 500 without a response: that is the network, not GitHub.
  const answered = e.response !== undefined && typeof e.status === 'number';
  return {
    status: answered ? (e.status as number) : undefined,
    headers: e.response?.headers ?? {},
    message: typeof e.message === 'string' ? e.message : String(error),
  };
}

/**
 * How long to wait before GitHub accepts requests again, when `error` is a rate limit (primary:
 * `x-ratelimit-remaining: 0` with `x-ratelimit-reset`; secondary: `retry-after`), else undefined.
 */
export function rateLimitWaitMs(error: unknown, now = Date.now()): number | undefined {
  const { status, headers } = httpFailure(error);
  if (status !== 403 && status !== 429) return undefined;
  const retryAfter = Number(headers['retry-after']);
  if (headers['retry-after'] !== undefined && Number.isFinite(retryAfter)) return Math.max(0, retryAfter * 1000);
  if (String(headers['x-ratelimit-remaining']) !== '0') return undefined;
  const reset = Number(headers['x-ratelimit-reset']);
  // Exhausted without a reset time: GitHub's window is an hour, so assume the worst.
  return Number.isFinite(reset) ? Math.max(0, reset * 1000 - now) : 3_600_000;
}

/** Masks the token wherever a message from outside (fetch, GitHub) might have echoed it. */
function mask(text: string, token: string | undefined): string {
  return token ? text.split(token).join('********') : text;
}

function tokenHint(ctx: FailureContext): string {
  return ctx.tokenEnv ? `the token in $${ctx.tokenEnv}` : 'the token';
}

/**
 * A GitHubSourceError for a failed request. A 404 is read as the repository missing; the caller
 * that knows better (the ref or the path is what is missing) builds its own error instead.
 */
export function toSourceError(error: unknown, ctx: FailureContext, now = Date.now()): GitHubSourceError {
  if (error instanceof GitHubSourceError) return error;
  const failure = httpFailure(error);
  const { status } = failure;
  const waitMs = rateLimitWaitMs(error, now);
  if (waitMs !== undefined) {
    const at = new Date(now + waitMs).toISOString();
    const advice = ctx.token ? '' : '; unauthenticated requests are limited to 60 an hour, so set a token';
    return new GitHubSourceError('rate_limited', `GitHub API rate limit exceeded reading ${ctx.repo}; it resets at ${at} (in ${Math.ceil(waitMs / 1000)} s)${advice}`, status);
  }
  if (status === 401) {
    return new GitHubSourceError('auth', `GitHub rejected ${tokenHint(ctx)} (401 bad credentials) reading ${ctx.repo}: check that it is valid and not expired`, status);
  }
  if (status === 403) {
    return new GitHubSourceError('auth', `GitHub refused access to ${ctx.repo} (403): ${tokenHint(ctx)} lacks permission to read its contents`, status);
  }
  if (status === 404) {
    const who = ctx.token ? `${tokenHint(ctx)} lacks access to it` : 'it is private and no token was given';
    return new GitHubSourceError('not_found_repo', `GitHub repository ${ctx.repo} not found, or ${who}`, status);
  }
  const what = status === undefined ? mask(failure.message, ctx.token) : `GitHub answered ${status}: ${mask(failure.message, ctx.token)}`;
  return new GitHubSourceError('network', `cannot reach GitHub for ${ctx.repo}: ${what}`, status);
}

/** The error of a ref GitHub does not know in `ctx.repo`. */
export function refNotFound(ctx: FailureContext, status?: number): GitHubSourceError {
  return new GitHubSourceError('not_found_ref', `ref '${ctx.ref}' not found in GitHub repository ${ctx.repo} (no such branch, tag or commit)`, status);
}

/** The error of a folder that is not in the repository at `ctx.ref`. */
export function pathNotFound(ctx: FailureContext, path: string): GitHubSourceError {
  return new GitHubSourceError('not_found_path', `folder '${path}' not found in GitHub repository ${ctx.repo} at ref '${ctx.ref}'`);
}
