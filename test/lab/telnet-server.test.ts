// The Telnet side of a simulated device, through a raw TCP client: the IOS login dialogue,
// a show command, bad passwords, and the authFailure fault.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTelnet, type LabShell } from '../support/lab-client.js';
import { startTestDevice, TEST_CREDENTIALS, type TestDevice } from '../support/lab-device-fixture.js';

let lab: TestDevice;
beforeAll(async () => {
  lab = await startTestDevice({ telnet: true });
});
afterAll(() => lab.close());

const telnet = (): Promise<LabShell> => connectTelnet(lab.telnet?.port ?? 0);

describe('Telnet', () => {
  it('shows the banners and User Access Verification, logs in, echoes and runs commands', async () => {
    const shell = await telnet();
    const greeting = await shell.waitFor(/Username: $/);
    expect(greeting).toBe(
      'Maintenance window on r1 tonight\r\nAuthorised access only\r\n\r\nUser Access Verification\r\n\r\nUsername: ',
    );
    expect(await shell.command(TEST_CREDENTIALS.username, /Password: $/)).toBe('netops\r\nPassword: ');
    expect(await shell.command(TEST_CREDENTIALS.password, /r1>$/)).toBe('\r\nr1>');
    await shell.command('enable', /Password: $/);
    await shell.command(TEST_CREDENTIALS.enableSecret, /r1#$/);
    const output = await shell.command('show running-config | include ^hostname', /r1#$/);
    expect(output).toBe('show running-config | include ^hostname\r\nhostname r1\r\nr1#');
    shell.sendLine('exit');
    await shell.transcript.closed();
  });

  it('answers a bad password with % Login invalid, and hangs up after three', async () => {
    const shell = await telnet();
    await shell.waitFor(/Username: $/);
    for (let attempt = 1; attempt <= 3; attempt++) {
      await shell.command(TEST_CREDENTIALS.username, /Password: $/);
      shell.sendLine('wrong');
      expect(await shell.waitFor(/% Login invalid\r\n\r\n/)).toBe('\r\n% Login invalid\r\n\r\n');
      if (attempt < 3) await shell.waitFor(/^Username: $/);
    }
    expect(await shell.transcript.closed()).toBe('');
  });

  it('refuses the right password under the authFailure fault', async () => {
    lab.device.faults = { authFailure: true };
    try {
      const shell = await telnet();
      await shell.waitFor(/Username: $/);
      await shell.command(TEST_CREDENTIALS.username, /Password: $/);
      expect(await shell.command(TEST_CREDENTIALS.password, /Username: $/)).toBe('\r\n% Login invalid\r\n\r\nUsername: ');
    } finally {
      lab.device.faults = {};
    }
  });
});
