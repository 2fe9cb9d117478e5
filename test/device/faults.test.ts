// Lab faults seen by the driver's read operations: each maps to its error kind, with the
// command and what was awaited in the error.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceError } from '../../src/device/errors.js';
import { connectIos } from '../../src/device/ios-driver.js';
import { ciscoIosDevice } from '../../src/device/platforms/cisco-ios.js';
import { smallConfig, startDeviceLab, type DeviceLab } from './device-lab.js';

describe('driver under faults', () => {
  let env: DeviceLab;

  beforeAll(async () => {
    env = await startDeviceLab([{ name: 'x', config: smallConfig('x') }]);
  });
  afterAll(async () => {
    await env.lab.stop();
  });

  it('reports a session dropped halfway through show output as closed, naming the command', async () => {
    await env.lab.setFaults('x', { disconnectMidOutputOn: '^show run' });
    const driver = await connectIos(env.options('x'));
    const error = await driver.getRunningConfig().catch((e: unknown) => e as DeviceError);
    await env.lab.setFaults('x', {});
    expect(error).toBeInstanceOf(DeviceError);
    expect((error as DeviceError).kind).toBe('closed');
    expect((error as DeviceError).details.command).toBe('show running-config');
  });

  it('times out a stalled show with a message naming the command and the prompt awaited', async () => {
    await env.lab.setFaults('x', { stallOn: '^show run' });
    const driver = await connectIos(env.options('x', { timeouts: { operationMs: 200 } }));
    const error = await driver.getRunningConfig().catch((e: unknown) => e as DeviceError);
    await env.lab.setFaults('x', {});
    driver.close();
    expect((error as DeviceError).kind).toBe('timeout');
    expect((error as DeviceError).message).toMatch(/^x: `show running-config`: no \/.*x.*\/ within 200 ms/);
  });

  it('maps a session dropped during session preparation to closed', async () => {
    await env.lab.setFaults('x', { disconnectAfterCommands: 1 });
    const error = await connectIos(env.options('x')).catch((e: unknown) => e as DeviceError);
    await env.lab.setFaults('x', {});
    expect((error as DeviceError).kind).toBe('closed');
    expect((error as DeviceError).details.command).toBe('enable');
  });

  it('calls output that never forms a known prompt a prompt error', async () => {
    const platform = { ...ciscoIosDevice, anyPrompt: /(?<host>NEVER)(?<level>#)$/ };
    const error = await connectIos(env.options('x', { platform, timeouts: { operationMs: 200 } })).catch((e: unknown) => e as DeviceError);
    expect((error as DeviceError).kind).toBe('prompt');
    expect((error as DeviceError).message).toContain('x>');
  });
});
