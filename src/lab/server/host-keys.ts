// Persistent SSH host keys, one per device and key type: generated on first start, stored as a
// file, reused afterwards, so that the host key a client recorded in known_hosts stays valid
// across lab restarts (a changed key is an alarm CatNet must raise, not lab noise).

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ssh2 from 'ssh2';

// ssh2 is CommonJS: Node gives its exports as the default import only.
const { utils } = ssh2;

export type HostKeyType = 'ed25519' | 'rsa';

export interface SshKeyPair {
  /** OpenSSH private key text. */
  private: string;
  /** OpenSSH public key line (`ssh-ed25519 AAAA…`). */
  public: string;
}

/**
 * A new key pair (RSA: 2048 bits, what IOS generates by default). ssh2's generator mangles about
 * one ed25519 key in 256 (it strips a leading zero byte of the public key: mscdex/ssh2#1390,
 * #1513), so a pair is only returned once ssh2 reads both halves back.
 */
export async function generateSshKeyPair(type: HostKeyType): Promise<SshKeyPair> {
  for (;;) {
    const pair = await new Promise<SshKeyPair>((resolve, reject) => {
      const done = (error: Error | null, keys: SshKeyPair): void => (error ? reject(error) : resolve(keys));
      if (type === 'rsa') utils.generateKeyPair('rsa', { bits: 2048 }, done);
      else utils.generateKeyPair('ed25519', done);
    });
    if (!(utils.parseKey(pair.private) instanceof Error) && !(utils.parseKey(pair.public) instanceof Error)) return pair;
  }
}

/** The private key text of a new host key. */
export async function generateHostKey(type: HostKeyType): Promise<string> {
  return (await generateSshKeyPair(type)).private;
}

/** Where a device's key lives: `<dir>/<device>.ssh_host_<type>_key`. */
export function hostKeyPath(dir: string, deviceName: string, type: HostKeyType): string {
  return join(dir, `${deviceName.replace(/[^A-Za-z0-9_.-]/g, '_')}.ssh_host_${type}_key`);
}

/**
 * The device's host key of `type`, read from `dir`, or generated and stored there (owner-only
 * permissions, written atomically). Without `dir`, a fresh key for this run only.
 */
export async function loadOrCreateHostKey(dir: string | undefined, deviceName: string, type: HostKeyType): Promise<string> {
  if (dir === undefined) return generateHostKey(type);
  const path = hostKeyPath(dir, deviceName, type);
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = await generateHostKey(type);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, key, { mode: 0o600 });
  await rename(temporary, path);
  return key;
}
