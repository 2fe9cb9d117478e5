// Every per-command fault of a simulated device, through a real SSH client. Latencies are small;
// a command without the fault only has to beat the fault's delay, so a loaded machine does not
// make the tests flaky.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROMPT, type LabShell } from '../support/lab-client.js';
import { startTestDevice, TEST_CREDENTIALS, type TestDevice } from '../support/lab-device-fixture.js';

const INVALID = "% Invalid input detected at '^' marker.";

let lab: TestDevice;
beforeEach(async () => {
  lab = await startTestDevice();
});
afterEach(() => lab.close());

async function privilegedShell(): Promise<LabShell> {
  const shell = await lab.shell();
  await shell.command('enable', /Password: $/);
  await shell.command(TEST_CREDENTIALS.enableSecret, /r1#$/);
  await shell.command('terminal length 0', /r1#$/);
  return shell;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

describe('latency', () => {
  it('latencyMs delays each command; a change applies from the next command', async () => {
    const shell = await lab.shell();
    lab.device.faults = { latencyMs: 300 };
    expect((await timed(() => shell.command('show users'))).ms).toBeGreaterThanOrEqual(290);
    lab.device.faults = {};
    expect((await timed(() => shell.command('show users'))).ms).toBeLessThan(290);
  });

  it('latencyPerByteMs paces the output by its size', async () => {
    const shell = await lab.shell();
    const plain = await shell.command('show users');
    lab.device.faults = { latencyPerByteMs: 0.5 };
    const slow = await timed(() => shell.command('show users'));
    expect(slow.value).toBe(plain);
    expect(slow.ms).toBeGreaterThanOrEqual(plain.length * 0.5 * 0.8);
  });

  it('slowShowRunMs delays show running-config (any abbreviation) and nothing else', async () => {
    const shell = await privilegedShell();
    lab.device.faults = { slowShowRunMs: 300 };
    expect((await timed(() => shell.command('sh run | include ^hostname'))).ms).toBeGreaterThanOrEqual(290);
    expect((await timed(() => shell.command('show users'))).ms).toBeLessThan(290);
  });

  it('keeps output in order when commands are typed ahead of delayed output', async () => {
    const shell = await privilegedShell();
    lab.device.faults = { latencyMs: 40 };
    shell.write('show users\rshow running-config | include ^hostname\rterminal width 100\r');
    await shell.waitFor(/terminal width 100\r\nr1#$/);
    const text = shell.transcript.text;
    const order = ['show users', 'Line       User', 'show running-config |', 'hostname r1', 'terminal width 100'].map((s) => text.indexOf(s));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('disconnects', () => {
  it('disconnectAfterCommands drops the connection on the Nth command of a session, without output', async () => {
    lab.device.faults = { disconnectAfterCommands: 3 };
    const shell = await lab.shell();
    await shell.command('show users');
    await shell.command('');
    await shell.command('show users');
    shell.sendLine('show users');
    expect(await shell.transcript.closed()).toBe('show users\r\n');
    const next = await lab.shell(); // counted per session
    await next.command('show users');
  });

  it('disconnectMidOutputOn writes half of the output of a matching command, then drops', async () => {
    const shell = await privilegedShell();
    const full = (await shell.command('show running-config')).length;
    lab.device.faults = { disconnectMidOutputOn: '^sh(ow)? run' };
    shell.sendLine('show running-config');
    const half = await shell.transcript.closed();
    expect(half).toContain('Building configuration...');
    expect(half).not.toMatch(/\r\nend\r\n/);
    expect(Math.abs(half.length - full / 2)).toBeLessThan(full * 0.1);
  });

  it('random faults drop sessions reproducibly for a seed, never with probability 0', async () => {
    const commandsUntilDrop = async (seed: number, disconnectProbability: number): Promise<number> => {
      const device = await startTestDevice({ faults: { random: { seed, disconnectProbability } } });
      try {
        const shell = await device.shell();
        for (let n = 1; n <= 30; n++) {
          try {
            await shell.command('show users');
          } catch (error) {
            if (shell.transcript.isEnded) return n;
            throw error;
          }
        }
        return 0;
      } finally {
        await device.close();
      }
    };
    const first = await commandsUntilDrop(7, 0.25);
    expect(first).toBeGreaterThan(0);
    expect(await commandsUntilDrop(7, 0.25)).toBe(first);
    expect(await commandsUntilDrop(7, 0)).toBe(0);
  });
});

describe('stall', () => {
  it('stallOn: a matching command never answers, and the session never prompts again', async () => {
    const shell = await lab.shell();
    lab.device.faults = { stallOn: '^show users' };
    shell.sendLine('show users');
    await expect(shell.waitFor(PROMPT, 300)).rejects.toThrow(/timed out/);
    shell.sendLine('show version');
    await expect(shell.waitFor(PROMPT, 200)).rejects.toThrow(/timed out/);
    lab.device.faults = {};
    await lab.shell(); // the device itself still answers
  });
});

describe('config faults', () => {
  it('rejectConfigLines refuses a matching config line at its first character, without applying it', async () => {
    const shell = await privilegedShell();
    await shell.command('configure terminal');
    lab.device.faults = { rejectConfigLines: '^ntp server' };
    expect(await shell.command('ntp server 192.0.2.1')).toBe(
      `ntp server 192.0.2.1\r\n${' '.repeat('r1(config)#'.length)}^\r\n${INVALID}\r\n\r\nr1(config)#`,
    );
    expect(lab.device.running.some((node) => node.text.startsWith('ntp server'))).toBe(false);
    await shell.command('do show users'); // exec commands are not config lines
  });

  it('interfaceDown takes the link down once the matching line is accepted', async () => {
    const shell = await privilegedShell();
    lab.device.faults = { interfaceDown: { afterConfig: '^description', interface: 'Gi0/3' } };
    await shell.command('configure terminal');
    await shell.command('interface GigabitEthernet0/3');
    expect(lab.device.linkDown.has('GigabitEthernet0/3')).toBe(false);
    await shell.command('description moved to the new core');
    expect(lab.device.linkDown.has('GigabitEthernet0/3')).toBe(true);
  });
});
