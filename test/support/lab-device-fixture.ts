// One simulated device behind a real SSH (and optionally Telnet) listener on the loopback, with
// fixed test credentials and a small config that has banners and enough interfaces to page.

import type { ClientChannel } from 'ssh2';
import type { DeviceFaults } from '../../src/lab/device/faults.js';
import { LabDevice, type DeviceCredentials } from '../../src/lab/device/lab-device.js';
import type { DeviceServer } from '../../src/lab/server/device-listener.js';
import { generateHostKey, generateSshKeyPair } from '../../src/lab/server/host-keys.js';
import { startSshServer } from '../../src/lab/server/ssh-server.js';
import { startTelnetServer } from '../../src/lab/server/telnet-server.js';
import { connectSsh, openShell, PROMPT, type LabShell, type ShellOptions, type SshLogin } from './lab-client.js';

/** The key pair the test user logs in with. */
export const CLIENT_KEY = await generateSshKeyPair('ed25519');

export const TEST_CREDENTIALS: DeviceCredentials = {
  username: 'netops',
  password: 'lab-password-1',
  enableSecret: 'lab-enable-1',
  authorizedKeys: [CLIENT_KEY.public],
};

/**
 * hostname r1, login and MOTD banners, 30 interfaces (a show run longer than a screen), vty
 * lines; `global` lines go before the vty section, `vty` lines into it.
 */
export function testConfig(extra: { global?: string; vty?: string } = {}): string {
  const interfaces = Array.from({ length: 30 }, (_, i) =>
    [`interface GigabitEthernet0/${i}`, ` description port ${i}`, ` ip address 10.0.${i}.1 255.255.255.0`, '!'].join('\n'),
  );
  return [
    'hostname r1',
    '!',
    'banner login ^C',
    'Authorised access only',
    '^C',
    'banner motd ^C',
    'Maintenance window on $(hostname) tonight',
    '^C',
    '!',
    ...interfaces,
    extra.global ?? '!',
    'line vty 0 4',
    ' login local',
    ' transport input ssh telnet',
    extra.vty ?? ' exec-timeout 0 0',
    '!',
    'end',
  ].join('\n');
}

export interface TestDeviceOptions {
  config?: string;
  faults?: DeviceFaults;
  credentials?: DeviceCredentials;
  legacyAlgorithms?: boolean;
  hostKeys?: string[];
  telnet?: boolean;
}

export interface TestDevice {
  device: LabDevice;
  ssh: DeviceServer;
  telnet: DeviceServer | undefined;
  /** Login settings for connectSsh, password by default. */
  login(overrides?: Partial<SshLogin>): SshLogin;
  /** Logs in and opens a shell, after the first prompt. */
  shell(options?: ShellOptions): Promise<LabShell & { channel: ClientChannel }>;
  close(): Promise<void>;
}

export async function startTestDevice(options: TestDeviceOptions = {}): Promise<TestDevice> {
  // A copy: tests may change a device's credentials.
  const credentials = { ...(options.credentials ?? TEST_CREDENTIALS) };
  const device = new LabDevice({ name: 'r1', config: options.config ?? testConfig(), credentials, faults: options.faults });
  const hostKeys = options.hostKeys ?? [await generateHostKey(options.legacyAlgorithms ? 'rsa' : 'ed25519')];
  const ssh = await startSshServer(device, { host: '127.0.0.1', port: 0, hostKeys, legacyAlgorithms: options.legacyAlgorithms });
  const telnet = options.telnet ? await startTelnetServer(device, { host: '127.0.0.1', port: 0 }) : undefined;
  const connections: { close(): void }[] = [];
  const login = (overrides: Partial<SshLogin> = {}): SshLogin => ({
    port: ssh.port,
    username: credentials.username,
    password: credentials.password,
    ...overrides,
  });
  return {
    device,
    ssh,
    telnet,
    login,
    async shell(shellOptions) {
      const connection = await connectSsh(login());
      connections.push(connection);
      const shell = await openShell(connection, shellOptions);
      await shell.waitFor(PROMPT);
      return shell;
    },
    async close() {
      for (const connection of connections) connection.close();
      await Promise.all([ssh.close(), telnet?.close()]);
    },
  };
}
