// The IOS driver against the lab: login, session prep, prompts, enable, show, save, revert timer.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceError } from '../../src/device/errors.js';
import { connectIos } from '../../src/device/ios-driver.js';
import { generatedDevices } from '../../src/lab/runner/lab-file.js';
import { smallConfig, startDeviceLab, type DeviceLab } from './device-lab.js';

describe('IOS driver', () => {
  let env: DeviceLab;
  const longName = 'edge-router-with-a-very-long-hostname-01.example';

  beforeAll(async () => {
    env = await startDeviceLab([...generatedDevices(1, 1000), { name: 'small', config: smallConfig('small') }, { name: 'long', config: smallConfig(longName) }]);
  });
  afterAll(async () => {
    await env.lab.stop();
  });

  it('logs in, becomes privileged, turns paging off and reads the whole running config', async () => {
    const driver = await connectIos(env.options('r1'));
    try {
      expect(driver.privileged).toBe(true);
      expect(driver.hostname).toBe('r1');
      const config = await driver.getRunningConfig();
      expect(config).not.toContain('--More--');
      expect(config.trimEnd().endsWith('end')).toBe(true);
      expect(config).toContain(env.lab.device('r1').showRunning().split('\n').slice(5, 40).join('\n'));
    } finally {
      driver.close();
    }
  });

  it('pages through --More-- when paging is still on', async () => {
    const driver = await connectIos(env.options('r1'));
    try {
      await driver.command('terminal length 24');
      const config = await driver.getRunningConfig();
      expect(config).not.toContain('More');
      expect(config.split('\n').length).toBeGreaterThan(900);
    } finally {
      driver.close();
    }
  });

  it('works with a long hostname and re-learns the prompt after `hostname`', async () => {
    const driver = await connectIos(env.options('long'));
    try {
      expect(driver.hostname).toBe(longName);
      const result = await driver.pushConfig(['hostname renamed-1', 'snmp-server location after rename']);
      expect(result.ok).toBe(true);
      expect(driver.hostname).toBe('renamed-1');
      expect(await driver.show('show running-config | include ^hostname')).toBe('hostname renamed-1');
    } finally {
      driver.close();
    }
  });

  it('refuses a wrong enable secret with a privilege error', async () => {
    const error = await connectIos(env.options('small', { enableSecret: 'wrong' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeviceError);
    expect((error as DeviceError).kind).toBe('privilege');
    const none = await connectIos(env.options('small', { enableSecret: undefined })).catch((e: unknown) => e);
    expect((none as DeviceError).kind).toBe('privilege');
  });

  it('reports a refused show command as command_rejected', async () => {
    const driver = await connectIos(env.options('small'));
    try {
      const error = await driver.show('show nonsense-thing').catch((e: unknown) => e);
      expect((error as DeviceError).kind).toBe('command_rejected');
      expect((error as DeviceError).details.deviceText).toContain('% Invalid input');
      expect(await driver.show('show running-config | include ^hostname')).toBe('hostname small');
    } finally {
      driver.close();
    }
  });

  it('saves, answering the destination question', async () => {
    const driver = await connectIos(env.options('small'));
    try {
      await driver.pushConfig(['snmp-server contact noc']);
      expect(await driver.save()).toContain('[OK]');
      expect(env.lab.device('small').startup).toContain('snmp-server contact noc');
    } finally {
      driver.close();
    }
  });

  it('arms the revert timer and confirms the change', async () => {
    const driver = await connectIos(env.options('small'));
    try {
      await driver.armRevertTimer(5);
      expect(env.lab.device('small').pendingRevert).toBeDefined();
      await driver.pushConfig(['snmp-server location confirmed']);
      await driver.confirm();
      expect(env.lab.device('small').pendingRevert).toBeUndefined();
      expect(env.lab.device('small').showRunning()).toContain('snmp-server location confirmed');
    } finally {
      driver.close();
    }
  });
});
