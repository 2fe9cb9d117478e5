// `catnet demo`: the whole loop on simulated devices, narrated. It copies the example project
// (catnet.config.yaml, credentials.yaml, configs/) into a temporary folder, starts a lab playing
// its three devices — with drift on two of them, as real devices have — and runs validate →
// plan → deploy with verify → a change the device refuses, rolled back by itself → a manual
// rollback → history. Exit 0 when every step behaved as it should.

import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { openStore } from '../../store/store.js';
import { labFromInventory } from '../../lab/runner/lab-from-inventory.js';
import { DEMO_MASTER_KEY } from '../../lab/runner/demo-key.js';
import { startLab } from '../../lab/runner/lab.js';
import { ExitCode, type ExitCodeValue } from '../exit-codes.js';
import { runDeploy } from './deploy.js';
import { runHistory } from './history.js';
import { runPlan } from './plan.js';
import { runRollback } from './rollback.js';
import { runValidate } from './validate.js';

type Print = (text: string) => void;

// src/cli/commands/demo.ts and its chunk of the built CLI (dist/cli/chunks/, src/cli/build.mjs)
// both sit three levels below the package root.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const REFUSED_LINES = ['interface GigabitEthernet0/9', ' description this router has no such port', '!'];

export async function runDemo(options: { keep?: boolean }, print: Print, color: boolean): Promise<ExitCodeValue> {
  process.env.CATNET_MASTER_KEY ??= DEMO_MASTER_KEY;
  const dir = await mkdtemp(join(tmpdir(), 'catnet-demo-'));
  const config = join(dir, 'catnet.config.yaml');
  const run = { config, quiet: true };
  const step = (n: number, title: string, text: string): void => print(`\n${color ? '\x1b[1m' : ''}── ${n}. ${title}${color ? '\x1b[0m' : ''}\n${text}\n\n`);
  const checks: [string, boolean][] = [];
  const expect = (what: string, ok: boolean): void => {
    checks.push([what, ok]);
    if (!ok) print(`!! expected: ${what}\n`);
  };

  await copyExample(dir);
  const labFile = await writeDriftLab(dir);
  const { options: labOptions } = await labFromInventory(config, { labFile, env: process.env });
  const lab = await startLab({ ...labOptions, hostKeyDir: join(dir, '.catnet', 'lab-host-keys') });
  try {
    print(`CatNet demo: the example project in ${dir}, its three devices played by the lab on 127.0.0.1 (${lab.nodes.map((n) => `${n.name} :${n.sshPort}`).join(', ')}).\n`);
    print('core-1 and access-1 have drifted from Git (changes made by hand); access-2 matches.\n');

    step(1, 'Validate', 'Inventory, encrypted credentials, every intended config renders and parses — before touching a device.');
    expect('validate passes', (await runValidate(run, print)) === ExitCode.ok);

    step(2, 'Plan', 'A fresh backup of each device, then the exact commands that turn its running config into the intended one.');
    expect('the plan finds changes', (await runPlan(run, { device: [], group: [], format: 'text' }, print, color)) === ExitCode.changes);

    step(3, 'Deploy', 'Lock, stale check, backup, push, health checks (fresh login, interfaces, convergence), then `write memory`.');
    expect('the deployment succeeds', (await runDeploy(run, deployAll(), print, color)) === ExitCode.ok);

    step(4, 'A change the device refuses', `configs/core-1.cfg gains \`${REFUSED_LINES[0]}\`, a port core-1 does not have: IOS refuses it mid-push, CatNet stops, restores the backup and says so.`);
    const intended = join(dir, 'configs', 'core-1.cfg');
    const original = await readFile(intended, 'utf8');
    await writeFile(intended, original.replace(/^end\s*$/m, `${REFUSED_LINES.join('\n')}\nend`));
    expect('the refused change is rolled back', (await runDeploy(run, deployAll(), print, color)) === ExitCode.error && (await lastStatus(dir)) === 'rolled_back');
    await writeFile(intended, original);

    step(5, 'Manual rollback', 'access-1 back to the backup taken before the first deployment (its drift returns): the commands first, then the restore.');
    expect('the manual rollback converges', (await runRollback(run, { device: 'access-1', to: 'latest', yes: true, save: true }, print, color)) === ExitCode.ok);

    step(6, 'History', 'Every deployment, recorded with per-device results, checks and backups (`catnet history show <id>` for one).');
    await runHistory(run, { limit: '10' }, print);
  } finally {
    await lab.stop();
    if (options.keep) print(`\nThe demo project stays in ${dir}.\n`);
    else await rm(dir, { recursive: true, force: true });
  }
  const failed = checks.filter(([, ok]) => !ok);
  print(failed.length === 0 ? '\nDemo complete: every step behaved as expected.\n' : `\nDemo finished with ${failed.length} unexpected step(s): ${failed.map(([w]) => w).join('; ')}\n`);
  return failed.length === 0 ? ExitCode.ok : ExitCode.error;
}

function deployAll() {
  return { device: [], group: [], yes: true, autoRollback: true, save: true };
}

/** The example project, with the devices moved to free ports (a lab may already use 10001–10003). */
async function copyExample(dir: string): Promise<void> {
  for (const name of ['catnet.config.yaml', 'credentials.yaml', 'configs']) await cp(join(ROOT, name), join(dir, name), { recursive: true });
  const file = join(dir, 'catnet.config.yaml');
  const inventory = yaml.load(await readFile(file, 'utf8')) as { devices: { port: number }[] };
  for (const device of inventory.devices) device.port = await freePort();
  await writeFile(file, yaml.dump(inventory, { lineWidth: 120 }));
}

/** A lab file: core-1 starts from the example backup (docs/examples), access-1 from a hand-edited version of its intent. */
async function writeDriftLab(dir: string): Promise<string> {
  const { LocalSource, resolveIntended } = await import('../../config/sources/index.js');
  const { loadInventory } = await import('../../config/inventory/index.js');
  const inventory = await loadInventory(join(dir, 'catnet.config.yaml'));
  const access1 = inventory.devices.find((d) => d.name === 'access-1');
  if (!access1) throw new Error('the example project has no access-1');
  const rendered = (await resolveIntended(new LocalSource(join(dir, 'configs')), access1)).text;
  const drifted = rendered.replace('description desk 1.02', 'description temporary desk').replace('ip access-list standard VTY-ALLOWED', 'vlan 30\n name GUEST-OLD\n!\nip access-list standard VTY-ALLOWED');
  await writeFile(join(dir, 'access-1.running.cfg'), drifted);
  await cp(join(ROOT, 'docs', 'examples', 'core-1.running.cfg'), join(dir, 'core-1.running.cfg'));
  const file = join(dir, 'lab.yaml');
  await writeFile(file, yaml.dump({ devices: [{ name: 'core-1', config: 'core-1.running.cfg' }, { name: 'access-1', config: 'access-1.running.cfg' }] }));
  return file;
}

async function lastStatus(dir: string): Promise<string | undefined> {
  const store = openStore(join(dir, '.catnet'));
  try {
    return store.history.listDeployments({ limit: 1 })[0]?.status;
  } finally {
    store.close();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
