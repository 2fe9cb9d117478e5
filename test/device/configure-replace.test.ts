// `configureReplace`: the whole intended config uploaded by scp and applied by the device.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceError } from '../../src/device/errors.js';
import { connectIos } from '../../src/device/ios-driver.js';
import { converged } from '../../src/ios/converged.js';
import { prepareConfig } from '../../src/ios/plan.js';
import { smallConfig, startDeviceLab, type DeviceLab } from './device-lab.js';

describe('configure replace', () => {
  let env: DeviceLab;

  beforeAll(async () => {
    env = await startDeviceLab([
      { name: 'scp', config: smallConfig('scp').replace(/^end$/m, 'ip scp server enable\nend') },
      { name: 'noscp', config: smallConfig('noscp') },
    ]);
  });
  afterAll(async () => {
    await env.lab.stop();
  });

  it('turns the running config into the given one', async () => {
    const intended = env.lab
      .device('scp')
      .runningConfigBody()
      .replace(' description uplink', ' description uplink to core-2')
      .replace('interface GigabitEthernet0/2\n shutdown\n', 'interface GigabitEthernet0/2\n description spare\n');
    const driver = await connectIos(env.options('scp'));
    try {
      const output = await driver.configureReplace(intended);
      expect(output).toContain('Rollback Done');
    } finally {
      driver.close();
    }
    const running = env.lab.device('scp').runningConfigBody();
    expect(converged(prepareConfig(running, 'running'), prepareConfig(intended, 'intended'))).toBe(true);
    expect(running).toContain(' description spare');
  });

  it('says why when the device does not take scp uploads', async () => {
    const before = env.lab.device('noscp').runningConfigBody();
    const driver = await connectIos(env.options('noscp'));
    try {
      const error = await driver.configureReplace(before.replace('uplink', 'changed')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DeviceError);
      expect((error as DeviceError).kind).toBe('command_rejected');
      expect((error as DeviceError).message).toMatch(/^.*scp upload of flash:catnet-replace\.cfg failed/);
    } finally {
      driver.close();
    }
    expect(env.lab.device('noscp').runningConfigBody()).toBe(before);
  });

  it('is refused over Telnet, which cannot upload', async () => {
    const node = env.lab.nodes.find((n) => n.name === 'scp');
    const driver = await connectIos(env.options('scp', { protocol: 'telnet', port: node?.telnetPort }));
    try {
      await expect(driver.configureReplace('hostname x\n')).rejects.toThrow(/needs a file upload \(scp\), which telnet cannot do/);
    } finally {
      driver.close();
    }
  });
});
