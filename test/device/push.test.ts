// Config push against the lab: pipelined lines mapped back to their commands, truthful partial
// results under faults, banners, and a real plan making the device converge on the intent.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectIos } from '../../src/device/ios-driver.js';
import { converged, planConfig, prepareConfig } from '../../src/ios/index.js';
import { generateDeviceModel } from '../../src/lab/generate/device-model.js';
import { mutateModel } from '../../src/lab/generate/mutate-model.js';
import { createRandom } from '../../src/lab/generate/random.js';
import { renderIntendedConfig, renderRunningConfig } from '../../src/lab/generate/render-model.js';
import { smallConfig, startDeviceLab, type DeviceLab } from './device-lab.js';

/** A generated device and an edited intent for it (vty open to the loopback, as the lab does). */
function planScenario(name: string, seed: number) {
  const model = generateDeviceModel({ hostname: name, seed, targetLines: 400 });
  for (const vty of model.vty) {
    vty.transportInput = 'ssh telnet';
    model.namedAcls.find((acl) => acl.name === vty.accessClass)?.entries.unshift('permit 127.0.0.0 0.255.255.255');
  }
  const intended = renderIntendedConfig(mutateModel(model, createRandom(seed ^ 0x5eed), 10).model, { style: 'plain' });
  return { running: renderRunningConfig(model), intended };
}

const SCENARIOS = [11, 23, 37];

describe('pushConfig', () => {
  let env: DeviceLab;

  beforeAll(async () => {
    env = await startDeviceLab([
      ...['a', 'b', 'c', 'd', 'e'].map((name) => ({ name, config: smallConfig(name) })),
      ...SCENARIOS.map((seed) => ({ name: `p${seed}`, config: planScenario(`p${seed}`, seed).running })),
    ]);
  });
  afterAll(async () => {
    await env.lab.stop();
  });

  it('applies many lines, in sections, and reports every one applied', async () => {
    const lines = Array.from({ length: 120 }, (_, i) => [`interface Loopback${i}`, ` description loop ${i}`, ` ip address 10.9.${i}.1 255.255.255.255`, 'exit']).flat();
    const driver = await connectIos(env.options('a'));
    try {
      const result = await driver.pushConfig(lines);
      expect(result.ok).toBe(true);
      expect(result.applied).toEqual(lines);
      expect(result.notSent).toEqual([]);
      expect(env.lab.device('a').showRunning()).toContain('interface Loopback119\n description loop 119\n ip address 10.9.119.1 255.255.255.255');
      expect(await driver.show('show running-config | include ^hostname')).toBe('hostname a');
      const secret = await driver.pushConfig(['username ops privilege 15 secret plain-text-1']);
      expect(secret.output).toContain('secret ********');
      expect(secret.output + driver.transcript).not.toContain('plain-text-1');
      expect(driver.transcript).not.toContain(env.lab.credentials.enableSecret);
    } finally {
      driver.close();
    }
  });

  it('stops at the first rejected line and says what was applied, what failed and what was not sent', async () => {
    await env.lab.setFaults('b', { rejectConfigLines: '^snmp-server location' });
    const lines = ['ip domain name lab.example', 'snmp-server contact noc', 'snmp-server location rack 1', ...Array.from({ length: 60 }, (_, i) => `ip route 10.1.${i}.0 255.255.255.0 Null0`)];
    const driver = await connectIos(env.options('b'));
    try {
      const result = await driver.pushConfig(lines, { window: 8 });
      expect(result.ok).toBe(false);
      expect(result.error?.kind).toBe('command_rejected');
      expect(result.failed).toMatchObject({ index: 2, command: 'snmp-server location rack 1', reason: 'invalid_input' });
      expect(result.failed?.output).toContain("% Invalid input detected at '^' marker.");
      // Lines already in flight when the refusal came back were applied: reported as such.
      expect(result.applied.slice(0, 2)).toEqual(['ip domain name lab.example', 'snmp-server contact noc']);
      expect(result.applied.length + result.rejected.length + result.notSent.length + result.unconfirmed.length).toBe(lines.length);
      expect(result.notSent.length).toBeGreaterThan(40);
      const running = env.lab.device('b').showRunning();
      for (const line of result.applied) expect(running).toContain(line);
      for (const line of result.notSent) expect(running).not.toContain(`${line}\n`);
      // Config mode was left: the session is usable.
      expect(await driver.show('show running-config | include ^hostname')).toBe('hostname b');
    } finally {
      driver.close();
      await env.lab.setFaults('b', {});
    }
  });

  it('does not type a refused section into the wrong mode', async () => {
    const driver = await connectIos(env.options('c'));
    try {
      const result = await driver.pushConfig(['interface GigabitEthernet0/9', ' shutdown', 'exit', 'ip route 10.0.9.0 255.255.255.0 Null0']);
      expect(result.failed?.command).toBe('interface GigabitEthernet0/9');
      expect(result.notSent).toEqual([' shutdown', 'exit', 'ip route 10.0.9.0 255.255.255.0 Null0']);
    } finally {
      driver.close();
    }
  });

  it('types straight into sections the caller says exist (no wait for their header)', async () => {
    const driver = await connectIos(env.options('c'));
    try {
      // A false claim shows what the wait is for: without it, the lines of a refused header are
      // sent at once and land at the global level (and are refused there).
      const existingSections = new Set(['interface GigabitEthernet0/1', 'interface GigabitEthernet0/9']);
      const result = await driver.pushConfig(['interface GigabitEthernet0/9', ' shutdown', 'exit'], { existingSections, window: 8 });
      expect(result.failed?.command).toBe('interface GigabitEthernet0/9');
      expect(result.notSent).not.toContain(' shutdown');
      const ok = await driver.pushConfig(['interface GigabitEthernet0/1', ' description via existing section', 'exit'], { existingSections });
      expect(ok.ok).toBe(true);
      expect(env.lab.device('c').runningConfigBody()).toContain(' description via existing section');
    } finally {
      driver.close();
    }
  });

  it('reports a dropped session as closed, with the lines whose fate is unknown', async () => {
    // Commands of the session so far: enable, terminal length, terminal width, configure terminal.
    await env.lab.setFaults('d', { disconnectAfterCommands: 10 });
    const driver = await connectIos(env.options('d'));
    const lines = Array.from({ length: 20 }, (_, i) => `ip route 10.2.${i}.0 255.255.255.0 Null0`);
    const result = await driver.pushConfig(lines, { window: 4 });
    await env.lab.setFaults('d', {});
    expect(result.ok).toBe(false);
    expect(result.error?.kind).toBe('closed');
    expect(result.applied).toEqual(lines.slice(0, 5));
    expect(result.unconfirmed[0]).toBe(lines[5]);
    expect([...result.applied, ...result.unconfirmed, ...result.notSent]).toEqual(lines);
    const running = env.lab.device('d').showRunning();
    expect(running).toContain('ip route 10.2.4.0 255.255.255.0 Null0');
    expect(running).not.toContain('ip route 10.2.5.0 ');
  });

  it('times out on a stalled line, naming the command and what it waited for', async () => {
    await env.lab.setFaults('e', { stallOn: '^ip route 10.3.2.0' });
    const driver = await connectIos(env.options('e', { timeouts: { operationMs: 300 } }));
    const result = await driver.pushConfig(['ip route 10.3.1.0 255.255.255.0 Null0', 'ip route 10.3.2.0 255.255.255.0 Null0', 'ip route 10.3.3.0 255.255.255.0 Null0'], { window: 1 });
    await env.lab.setFaults('e', {});
    expect(result.error?.kind).toBe('timeout');
    expect(result.error?.message).toContain('`ip route 10.3.2.0 255.255.255.0 Null0`: no the next config-mode prompt within 300 ms');
    expect(result).toMatchObject({ applied: ['ip route 10.3.1.0 255.255.255.0 Null0'], unconfirmed: ['ip route 10.3.2.0 255.255.255.0 Null0'], notSent: ['ip route 10.3.3.0 255.255.255.0 Null0'] });
    expect(driver.channel.isOpen).toBe(false);
  });

  it('sends banners with their delimiter and keeps going after them', async () => {
    const driver = await connectIos(env.options('a'));
    try {
      const banner = 'banner motd ^\nAuthorised access only.\nManaged by CatNet: $(hostname)\n^';
      const result = await driver.pushConfig([banner, 'ip route 10.4.4.0 255.255.255.0 Null0']);
      expect(result.ok).toBe(true);
      expect(result.commands).toEqual([banner, 'ip route 10.4.4.0 255.255.255.0 Null0']);
      const running = env.lab.device('a').showRunning();
      expect(running).toContain('Authorised access only.\nManaged by CatNet: $(hostname)');
      expect(running).toContain('ip route 10.4.4.0 255.255.255.0 Null0');
    } finally {
      driver.close();
    }
  });

  it.each(SCENARIOS)('makes the device converge on the intent with the engine plan (seed %i)', async (seed) => {
    const name = `p${seed}`;
    const { intended } = planScenario(name, seed);
    const driver = await connectIos(env.options(name));
    try {
      const before = await driver.getRunningConfig();
      const plan = planConfig(before, intended);
      expect(plan.commands.length).toBeGreaterThan(0);
      const result = await driver.pushConfig(plan.commands);
      expect(result.error?.message ?? '').toBe('');
      const after = await driver.getRunningConfig();
      expect(converged(prepareConfig(after, 'running'), prepareConfig(intended, 'intended'))).toBe(true);
    } finally {
      driver.close();
    }
  });
});

describe('pushConfig edge cases', () => {
  let env: DeviceLab;

  beforeAll(async () => {
    env = await startDeviceLab([{ name: 'x', config: smallConfig('x') }]);
  });
  afterAll(async () => {
    await env.lab.stop();
  });

  it('stops when a line leaves config mode instead of typing config lines at the exec prompt', async () => {
    const driver = await connectIos(env.options('x'));
    try {
      const result = await driver.pushConfig(['snmp-server contact a', 'end', 'snmp-server location b']);
      expect(result.failed).toMatchObject({ command: 'end', reason: 'left_config_mode' });
      expect(result.notSent).toEqual(['snmp-server location b']);
      expect(await driver.show('show running-config | include ^hostname')).toBe('hostname x');
    } finally {
      driver.close();
    }
  });

  it('maps output to commands under per-command latency and a slow link', async () => {
    await env.lab.setFaults('x', { latencyMs: 5, latencyPerByteMs: 0.01 });
    const driver = await connectIos(env.options('x'));
    try {
      const lines = Array.from({ length: 30 }, (_, i) => `ip route 10.7.${i}.0 255.255.255.0 Null0`);
      const result = await driver.pushConfig([...lines.slice(0, 10), 'ip route 10.7.99.0 255.0.255.0 Null0', ...lines.slice(10)]);
      expect(result.failed?.index).toBe(10);
      expect(result.failed?.output).toMatch(/^%/m);
      expect(result.applied.slice(0, 10)).toEqual(lines.slice(0, 10));
    } finally {
      driver.close();
      await env.lab.setFaults('x', {});
    }
  });
});
