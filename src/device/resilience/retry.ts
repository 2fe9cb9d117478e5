// Retry with exponential backoff and jitter, for failures that a second try can cure: the port
// refused or unreachable, a slow handshake, the session dropped before login. Everything else is
// final here: a refused login is a credential question (credentials.ts), a host key a trust
// question, a refused command a config question. Retry only what is safe to run twice — opening
// a session or reading — never a config push: the device may have applied part of it.

import { ExponentialBackoff, decorrelatedJitterGenerator, handleWhen, retry, type RetryPolicy } from 'cockatiel';
import { isDeviceError } from '../errors.js';

export interface RetryOptions {
  /** Tries in all, the first included; default 3. 1 means no retry. */
  attempts?: number;
  /** First backoff delay in ms (jittered); default 250. */
  initialDelayMs?: number;
  /** Ceiling of any delay in ms; default 5000. */
  maxDelayMs?: number;
  /** Told before each retry: which try failed (1-based), why, and the delay before the next. */
  onRetry?: (event: RetryEvent) => void;
}

export interface RetryEvent {
  attempt: number;
  error: unknown;
  delayMs: number;
}

export const DEFAULT_RETRY = { attempts: 3, initialDelayMs: 250, maxDelayMs: 5000 } as const;

/** Phases of connectIos that come before the device accepted a login (transport/*.ts). */
const BEFORE_LOGIN = new Set(['connect', 'auth', 'ssh', 'shell']);

/**
 * Whether a failure while connecting is worth another try. `closed` and `timeout` count only
 * before login: after it the device answered, and a stall in session prep is no network blip.
 * A breaker that is open (`details.breaker`) is final too: it exists to stop the tries.
 */
export function isTransientConnectError(error: unknown): boolean {
  if (!isDeviceError(error)) return false;
  if (error.details.breaker === 'open') return false;
  const phase = typeof error.details.phase === 'string' ? error.details.phase : undefined;
  const beforeLogin = phase !== undefined && BEFORE_LOGIN.has(phase) && error.details.command === undefined;
  switch (error.kind) {
    case 'connection':
      return true;
    case 'timeout':
    case 'closed':
      return beforeLogin;
    default:
      return false;
  }
}

/** A cockatiel retry policy for transient connect failures; `attempts` counts the first try. */
export function connectRetryPolicy(options: RetryOptions = {}): RetryPolicy {
  const attempts = Math.max(1, options.attempts ?? DEFAULT_RETRY.attempts);
  const policy = retry(handleWhen(isTransientConnectError), {
    maxAttempts: attempts - 1, // cockatiel counts retries, not tries
    backoff: new ExponentialBackoff({
      generator: decorrelatedJitterGenerator,
      initialDelay: options.initialDelayMs ?? DEFAULT_RETRY.initialDelayMs,
      maxDelay: options.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs,
    }),
  });
  const onRetry = options.onRetry;
  if (onRetry) {
    // cockatiel's attempt is the retry about to happen; ours names the try that failed.
    policy.onRetry((event) => onRetry({ attempt: event.attempt, error: 'error' in event ? event.error : event.value, delayMs: event.delay }));
  }
  return policy;
}

/**
 * Runs `operation` (connecting, or reading: it must be safe to run again) with retries of
 * transient failures. `operation` gets the 1-based try number.
 */
export function withRetry<T>(operation: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  return connectRetryPolicy(options).execute(({ attempt }) => operation(attempt + 1));
}
