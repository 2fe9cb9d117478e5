// SSH login with a private key from a credential set: the device accepts the key even when
// the set's password is wrong, and a key the device does not know falls back to the password.

import { utils } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectIos } from '../../src/device/ios-driver.js';
import { smallConfig, startDeviceLab, type DeviceLab } from './device-lab.js';

describe('SSH private-key login', () => {
  const known = utils.generateKeyPairSync('ed25519');
  const unknown = utils.generateKeyPairSync('ed25519');
  let env: DeviceLab;

  beforeAll(async () => {
    env = await startDeviceLab([{ name: 'k1', config: smallConfig('k1') }], { username: 'ops', password: 'only-the-key-works', enableSecret: 'en-secret', authorizedKeys: [known.public] });
  });
  afterAll(async () => {
    await env.lab.stop();
  });

  it('logs in with the key alone', async () => {
    const driver = await connectIos(env.options('k1', { password: 'not-the-password', privateKey: known.private }));
    expect(driver.privileged).toBe(true);
    driver.close();
  });

  it('falls back to the password when the device does not know the key', async () => {
    const driver = await connectIos(env.options('k1', { privateKey: unknown.private }));
    expect(driver.privileged).toBe(true);
    driver.close();
  });

  it('is refused as auth when neither works', async () => {
    const error = await connectIos(env.options('k1', { password: 'wrong', privateKey: unknown.private })).catch((e: unknown) => e as { kind: string });
    expect((error as { kind: string }).kind).toBe('auth');
  });
});
