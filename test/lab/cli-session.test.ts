// The terminal session of a simulated device, through a real SSH client: prompts, echo, enable,
// config mode, `do`, errors with their caret, paging, and a shell without a pty.

import type { ClientChannel } from 'ssh2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ERASE_MORE_PROMPT } from '../../src/lab/shell/pager.js';
import { PROMPT, type LabShell } from '../support/lab-client.js';
import { startTestDevice, TEST_CREDENTIALS, type TestDevice } from '../support/lab-device-fixture.js';

const INVALID = "% Invalid input detected at '^' marker.";
const MORE = /--More-- $/;

let lab: TestDevice;
beforeEach(async () => {
  lab = await startTestDevice();
});
afterEach(() => lab.close());

async function privilegedShell(): Promise<LabShell & { channel: ClientChannel }> {
  const shell = await lab.shell();
  await shell.command('enable', /Password: $/);
  await shell.command(TEST_CREDENTIALS.enableSecret, /r1#$/);
  return shell;
}

describe('exec mode', () => {
  it('echoes what is typed, with backspace editing, and ends output lines with CRLF', async () => {
    const shell = await lab.shell();
    shell.write('show usx\x7fers\r');
    const output = await shell.waitFor(PROMPT);
    expect(output.startsWith('show usx\b \bers\r\n')).toBe(true);
    expect(output).toContain('netops');
    expect(output.replace(/\r\n/g, '')).not.toContain('\n');
    expect(output.endsWith('\r\nr1>')).toBe(true);
  });

  it('enable: the right secret gives #, without echoing it; disable goes back', async () => {
    const shell = await lab.shell();
    expect(await shell.command('enable', /Password: $/)).toBe('enable\r\nPassword: ');
    expect(await shell.command(TEST_CREDENTIALS.enableSecret)).toBe('\r\nr1#');
    expect(await shell.command('disable')).toBe('disable\r\nr1>');
  });

  it('enable: a wrong secret asks again, three give % Bad secrets', async () => {
    const shell = await lab.shell();
    await shell.command('enable', /Password: $/);
    expect(await shell.command('nope', /Password: $/)).toBe('\r\nPassword: ');
    await shell.command('nope', /Password: $/);
    expect(await shell.command('nope')).toBe('\r\n% Bad secrets\r\n\r\nr1>');
  });

  it('enable: with aaa new-model one wrong secret gives % Access denied; without a secret, % No password set', async () => {
    lab.device.running.push({ text: 'aaa new-model', line: 0, children: [] });
    const shell = await lab.shell();
    await shell.command('enable', /Password: $/);
    expect(await shell.command('nope')).toBe('\r\n% Access denied\r\n\r\nr1>');
    lab.device.credentials.enableSecret = '';
    expect(await shell.command('enable')).toBe('enable\r\n% No password set\r\n\r\nr1>');
  });

  it('prints errors as IOS does: the caret under the bad word, incomplete, ambiguous, unknown', async () => {
    const shell = await privilegedShell();
    expect(await shell.command('show foo')).toBe(`show foo\r\n${' '.repeat('r1#show '.length)}^\r\n${INVALID}\r\n\r\nr1#`);
    expect(await shell.command('show')).toBe('show\r\n% Incomplete command.\r\n\r\nr1#');
    expect(await shell.command('c')).toBe('c\r\n% Ambiguous command:  "c"\r\nr1#');
    expect(await shell.command('frobnicate')).toBe('frobnicate\r\n% Unknown command or computer name, or unable to find computer address\r\nr1#');
  });

  it('exit closes the session', async () => {
    const shell = await lab.shell();
    shell.sendLine('exit');
    await shell.transcript.closed();
  });
});

describe('paging', () => {
  it('shows a screenful, then a page on space, a line on Enter, and stops on q', async () => {
    const shell = await privilegedShell();
    const first = (await shell.command('show running-config', MORE)).split('\r\n');
    expect(first[0]).toBe('show running-config');
    expect(first[1]).toBe('Building configuration...');
    expect(first).toHaveLength(1 + 23 + 1);
    expect(first.at(-1)).toBe(' --More-- ');

    shell.write(' ');
    const page = await shell.waitFor(MORE);
    expect(page.startsWith(ERASE_MORE_PROMPT)).toBe(true);
    expect(page.split('\r\n')).toHaveLength(23 + 1);

    shell.write('\r');
    const line = await shell.waitFor(MORE);
    expect(line.slice(ERASE_MORE_PROMPT.length).split('\r\n')).toHaveLength(1 + 1);

    shell.write('q');
    expect(await shell.waitFor(PROMPT)).toBe(`${ERASE_MORE_PROMPT}r1#`);
  });

  it('Ctrl-C at --More-- stops too; terminal length 0 turns paging off', async () => {
    const shell = await privilegedShell();
    await shell.command('show running-config', MORE);
    shell.write('\x03');
    expect(await shell.waitFor(PROMPT)).toBe(`${ERASE_MORE_PROMPT}r1#`);
    await shell.command('terminal length 0');
    const all = await shell.command('show running-config', /r1#$/);
    expect(all).not.toContain('--More--');
    expect(all).toMatch(/\r\nend\r\n(\r\n)?r1#$/);
  });

  it('counts wrapped rows: a narrow window (window-change) fits fewer lines on a screen', async () => {
    const shell = await privilegedShell();
    shell.channel.setWindow(24, 20, 0, 0);
    await shell.command('terminal length 10');
    const first = (await shell.command('show running-config', MORE)).split('\r\n').slice(1, -1);
    const rows = first.reduce((sum, text) => sum + Math.max(1, Math.ceil(text.length / 20)), 0);
    expect(rows).toBeLessThanOrEqual(9);
    expect(first.length).toBeLessThan(9);
  });
});

describe('config mode', () => {
  it('enters with the IOS banner, prompts per sub-mode, leaves with end, exit and Ctrl-Z', async () => {
    const shell = await privilegedShell();
    expect(await shell.command('configure terminal')).toBe(
      'configure terminal\r\nEnter configuration commands, one per line.  End with CNTL/Z.\r\nr1(config)#',
    );
    expect(await shell.command('interface GigabitEthernet0/1')).toBe('interface GigabitEthernet0/1\r\nr1(config-if)#');
    expect(await shell.command('exit')).toBe('exit\r\nr1(config)#');
    expect(await shell.command('exit')).toBe('exit\r\nr1#');
    await shell.command('conf t');
    await shell.command('router ospf 1');
    expect(await shell.command('end')).toBe('end\r\nr1#');
    await shell.command('conf t');
    shell.write('\x1a');
    expect(await shell.waitFor(PROMPT)).toBe('^Z\r\nr1#');
  });

  it('a hostname change shows in the next prompt; Ctrl-Z after a line runs it first', async () => {
    const shell = await privilegedShell();
    await shell.command('configure terminal');
    expect(await shell.command('hostname edge-9')).toBe('hostname edge-9\r\nedge-9(config)#');
    shell.write('hostname r1\x1a');
    expect(await shell.waitFor(PROMPT)).toBe('hostname r1^Z\r\nr1#');
    expect(lab.device.hostname()).toBe('r1');
  });

  it('do runs an exec command, privileged, and stays in the sub-mode; its caret counts the do', async () => {
    const shell = await privilegedShell();
    await shell.command('configure terminal');
    await shell.command('interface GigabitEthernet0/2');
    expect(await shell.command('do show running-config | include ^hostname')).toBe(
      'do show running-config | include ^hostname\r\nhostname r1\r\nr1(config-if)#',
    );
    expect(await shell.command('do show foo')).toContain(`\r\n${' '.repeat('r1(config-if)#do show '.length)}^\r\n${INVALID}`);
  });

  it('collects a multi-line banner without prompts between the lines', async () => {
    const shell = await privilegedShell();
    await shell.command('configure terminal');
    expect(await shell.command('banner motd #', /\r\n$/)).toContain("End with the character '#'.");
    shell.sendLine('Changed by the lab');
    shell.sendLine('#');
    expect(await shell.waitFor(PROMPT)).toBe('Changed by the lab\r\n#\r\nr1(config)#');
    expect(lab.device.running.find((node) => node.text === 'banner motd')?.body).toBe('Changed by the lab');
  });

  it('asks a question and takes the next line as the answer', async () => {
    const shell = await privilegedShell();
    expect(await shell.command('copy running-config startup-config', /\? $/)).toContain('Destination filename [startup-config]? ');
    const answer = await shell.command('', /r1#$/);
    expect(answer).toContain('[OK]');
  });
});

describe('without a pty', () => {
  it('echoes nothing but still prompts, as IOS does for piped input', async () => {
    const shell = await lab.shell({ pty: false });
    expect(shell.transcript.text).toBe('Maintenance window on r1 tonight\r\nr1>');
    expect(await shell.command('enable', /Password: $/)).toBe('Password: ');
    expect(await shell.command(TEST_CREDENTIALS.enableSecret)).toBe('r1#');
    expect(await shell.command('show running-config | include ^hostname')).toBe('hostname r1\r\nr1#');
  });
});
