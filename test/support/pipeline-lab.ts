// A lab and a CatNet project for it, for pipeline tests: N simulated devices with one login,
// credentials.yaml encrypted with a fresh test key, and configs/<name>.cfg holding each
// device's intended config (its starting config with `change` applied).

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encryptSecret } from '../../src/config/secrets/box.js';
import { generateMasterKey, loadMasterKeys } from '../../src/config/secrets/keys.js';
import { connectIos } from '../../src/device/ios-driver.js';
import type { LabClock } from '../../src/lab/device/lab-device.js';
import { startLab, type RunningLab } from '../../src/lab/runner/lab.js';

export const LOGIN = { username: 'ops', password: 'Pipeline-Pass-7f3k', enableSecret: 'Pipeline-Enable-9q2w', authorizedKeys: [] as string[] };

export interface PipelineLab {
  lab: RunningLab;
  dir: string;
  /** Environment for the CLI: the master key, nothing inherited that could change the run. */
  env: Record<string, string | undefined>;
  /** Writes a device's intended config. */
  intend(device: string, config: string): void;
  stop(): Promise<void>;
}

/** A small router config: the same shape on every device, its own hostname and addresses. */
export function routerConfig(hostname: string, index: number, extra: string[] = []): string {
  return [
    `hostname ${hostname}`,
    '!',
    'interface Loopback0',
    ` ip address 10.255.0.${index + 1} 255.255.255.255`,
    '!',
    'interface GigabitEthernet0/1',
    ' description uplink',
    ` ip address 10.0.${index}.1 255.255.255.0`,
    '!',
    'interface GigabitEthernet0/2',
    ' shutdown',
    '!',
    ...extra,
    'line vty 0 4',
    ' transport input ssh telnet',
    '!',
    'end',
    '',
  ].join('\n');
}

export async function startPipelineLab(count: number, options: { inventoryExtra?: string[]; deviceExtra?: (name: string) => string[]; /** The lab devices' clock (revert timers): a FakeClock fires them without waiting. */ clock?: LabClock } = {}): Promise<PipelineLab> {
  const names = Array.from({ length: count }, (_, i) => `r${i + 1}`);
  const lab = await startLab({ devices: names.map((name, i) => ({ name, config: routerConfig(name, i) })), basePort: 0, credentials: { ...LOGIN }, ...(options.clock ? { clock: options.clock } : {}) });
  const dir = mkdtempSync(join(tmpdir(), 'catnet-pipeline-'));
  const masterKey = generateMasterKey('test');
  const [key] = await loadMasterKeys({ env: { CATNET_MASTER_KEY: masterKey } });
  writeFileSync(
    join(dir, 'credentials.yaml'),
    ['credentials:', '  ops:', `    username: ${LOGIN.username}`, `    password: ${await encryptSecret(LOGIN.password, key!)}`, `    enable_secret: ${await encryptSecret(LOGIN.enableSecret, key!)}`, ''].join('\n'),
  );
  mkdirSync(join(dir, 'configs'));
  const lines = ['settings:', '  host_key_mode: accept-new', '  concurrency: 4', '  health_checks: { ping: [] }', ...(options.inventoryExtra ?? []), 'defaults:', '  credentials: ops', 'devices:'];
  for (const node of lab.nodes) {
    lines.push(`  - name: ${node.name}`, '    host: 127.0.0.1', `    port: ${node.sshPort}`, ...(options.deviceExtra?.(node.name) ?? []));
  }
  writeFileSync(join(dir, 'catnet.config.yaml'), `${lines.join('\n')}\n`);
  const intend = (device: string, config: string): void => writeFileSync(join(dir, 'configs', `${device}.cfg`), config);
  names.forEach((name, i) => intend(name, routerConfig(name, i)));
  return { lab, dir, env: { CATNET_MASTER_KEY: masterKey, CATNET_MASTER_KEY_FILE: undefined, CATNET_CONFIG: undefined }, intend, stop: () => lab.stop() };
}

/** A change made behind CatNet's back, over its own SSH session (someone on the CLI). */
export async function changeByHand(lab: RunningLab, device: string, lines: string[]): Promise<void> {
  const node = lab.nodes.find((n) => n.name === device);
  if (!node) throw new Error(`no lab device ${device}`);
  const driver = await connectIos({ device, host: lab.host, port: node.sshPort, username: LOGIN.username, password: LOGIN.password, enableSecret: LOGIN.enableSecret, hostKeyMode: 'off' });
  try {
    const result = await driver.pushConfig(lines);
    if (!result.ok) throw new Error(`change by hand refused: ${result.error?.message}`);
  } finally {
    driver.close();
  }
}
