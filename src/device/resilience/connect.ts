// Connecting as a run should: through the device's breaker, retrying transient failures with
// backoff, falling back through credential sets on a refused login. Read-only by construction:
// it only opens and prepares a session, so every retry is safe.

import type { DeviceError } from '../errors.js';
import { connectIos, type IosConnectOptions, type IosDriver } from '../ios-driver.js';
import type { DeviceBreakers } from './breaker.js';
import { tryCredentials, type CredentialSet } from './credentials.js';
import { withRetry, type RetryOptions } from './retry.js';

export interface ResilientConnectOptions extends Omit<IosConnectOptions, 'username' | 'password' | 'enableSecret' | 'privateKey'> {
  /** Tried in order; the next only when a login is refused (`auth`). */
  credentials: readonly CredentialSet[];
  retry?: RetryOptions;
  /** Shared across a run so that failures add up per device; absent: no breaker. */
  breakers?: DeviceBreakers;
}

export interface ResilientConnection {
  driver: IosDriver;
  /** Name of the credential set that logged in. */
  credential: string;
  /** Sets refused before it. */
  refused: string[];
  /** Connect tries in all, over every credential set. */
  attempts: number;
  /** The transient failures that were retried, oldest first. */
  retried: DeviceError[];
}

/** Opens, logs in and prepares a session resiliently; the caller closes `driver`. */
export async function connectWithRetry(options: ResilientConnectOptions): Promise<ResilientConnection> {
  const { credentials, retry, breakers, ...rest } = options;
  let attempts = 0;
  const retried: DeviceError[] = [];
  const onRetry: RetryOptions['onRetry'] = (event) => {
    retried.push(event.error as DeviceError);
    retry?.onRetry?.(event);
  };
  const once = (set: CredentialSet): Promise<IosDriver> => {
    attempts += 1;
    const connect = (): Promise<IosDriver> => connectIos({ ...rest, username: set.username, password: set.password, enableSecret: set.enableSecret, privateKey: set.privateKey });
    return breakers ? breakers.execute(options.device, connect) : connect();
  };
  const outcome = await tryCredentials(options.device, credentials, (set) => withRetry(() => once(set), { ...retry, onRetry }));
  return { driver: outcome.value, credential: outcome.credential, refused: outcome.refused, attempts, retried };
}
