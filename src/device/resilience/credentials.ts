// Credential fallback: a device may accept one of several logins (a local account during an
// AAA outage, an old password mid-rotation). They are tried in priority order, moving on only
// when the login itself is refused; the set that worked is reported by name, never by secret.

import { DeviceError, isDeviceError } from '../errors.js';

export interface CredentialSet {
  /** How reports name this set (`tacacs`, `local-break-glass`); never a secret. */
  name: string;
  username: string;
  password: string;
  enableSecret?: string;
  /** OpenSSH private key (PEM text), tried before the password over SSH. */
  privateKey?: string;
}

export interface CredentialOutcome<T> {
  value: T;
  /** Name of the set that logged in. */
  credential: string;
  /** Names of the sets refused before it, in order. */
  refused: string[];
}

/**
 * Calls `login` with each set until one is not refused. Only an `auth` error moves on: any other
 * failure (unreachable, host key, enable refused) would fail the same way with the next set,
 * and trying more logins against a locked-out account only makes things worse.
 */
export async function tryCredentials<T>(device: string, sets: readonly CredentialSet[], login: (set: CredentialSet) => Promise<T>): Promise<CredentialOutcome<T>> {
  if (sets.length === 0) throw new DeviceError('auth', device, 'no credential sets configured', { credentials: [] });
  const refused: string[] = [];
  let lastError: DeviceError | undefined;
  for (const set of sets) {
    try {
      return { value: await login(set), credential: set.name, refused };
    } catch (error) {
      if (!isDeviceError(error) || error.kind !== 'auth') throw error;
      refused.push(set.name);
      lastError = error;
    }
  }
  throw new DeviceError('auth', device, `login refused with every credential set (${refused.join(', ')})`, { credentials: refused }, { cause: lastError });
}
