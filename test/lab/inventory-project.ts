// A throw-away CatNet project for lab tests: catnet.config.yaml, credentials.yaml encrypted with
// a test master key, and configs/<name>.cfg for each device.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encryptSecret } from '../../src/config/secrets/box.js';
import { generateMasterKey, loadMasterKeys } from '../../src/config/secrets/keys.js';
import { generatedConfig } from '../../src/lab/runner/lab-file.js';

export interface ProjectDevice {
  name: string;
  port: number;
  host?: string;
  transport?: 'ssh' | 'telnet';
  /** Hostname of its intended config. */
  hostname: string;
}

export interface Project {
  dir: string;
  configFile: string;
  /** The master key line (`<id>:<base64>`) the credentials are encrypted with. */
  masterKey: string;
  login: { username: string; password: string; enableSecret: string };
}

export async function writeProject(devices: ProjectDevice[]): Promise<Project> {
  const dir = mkdtempSync(join(tmpdir(), 'catnet-lab-project-'));
  const masterKey = generateMasterKey('test');
  const [key] = await loadMasterKeys({ env: { CATNET_MASTER_KEY: masterKey } });
  const login = { username: 'ops', password: 'inventory-pass-1', enableSecret: 'inventory-enable-1' };
  writeFileSync(
    join(dir, 'credentials.yaml'),
    ['credentials:', '  ops:', `    username: ${login.username}`, `    password: ${await encryptSecret(login.password, key!)}`, `    enable_secret: ${await encryptSecret(login.enableSecret, key!)}`, ''].join('\n'),
  );
  mkdirSync(join(dir, 'configs'));
  const lines = ['defaults:', '  credentials: ops', 'devices:'];
  for (const d of devices) {
    lines.push(`  - name: ${d.name}`, `    host: "${d.host ?? '127.0.0.1'}"`, `    port: ${d.port}`, `    transport: ${d.transport ?? 'ssh'}`);
    writeFileSync(join(dir, 'configs', `${d.name}.cfg`), generatedConfig(d.hostname));
  }
  const configFile = join(dir, 'catnet.config.yaml');
  writeFileSync(configFile, `${lines.join('\n')}\n`);
  return { dir, configFile, masterKey, login };
}
