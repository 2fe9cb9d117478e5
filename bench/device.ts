// Device-layer benchmark: CatNet's IOS driver against labs running in separate processes
// (`catnet lab start`), as it would drive real devices: login + session prep + a 5k-line
// show run, a 500-line push on a device answering each line 20 ms after it arrives, and a backup of
// 500 devices at concurrency 50.

import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { connectIos, type IosConnectOptions } from '../src/device/ios-driver.js';
import { KnownHosts } from '../src/device/known-hosts.js';
import { existingSectionsOfText, planConfig } from '../src/ios/index.js';
import { CATNET, LAB_KEY_ENV, readLabInventory, waitForOutput } from './lab-process.js';
import { median, type BenchResult } from './report.js';

const TMP = fileURLToPath(new URL('./tmp/device/', import.meta.url));
const SECTION = 'device';


interface Lab {
  devices: Map<string, IosConnectOptions>;
  stop(): Promise<void>;
}

export async function benchDevice(): Promise<BenchResult[]> {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const knownHosts = new KnownHosts(`${TMP}known_hosts`);
  const results: BenchResult[] = [];
  const labFile = `${TMP}lab.yaml`;
  writeFileSync(
    labFile,
    yaml.dump({ basePort: 0, hostKeyDir: `${TMP}host-keys`, devices: [{ name: 'big', generate: { lines: 5000, seed: 7 } }, { name: 'slow', generate: { lines: 300 }, faults: { latencyMs: 20 } }] }),
  );
  const small = await startLab('small', ['--file', labFile], knownHosts);
  try {
    results.push(await loginAndShowRun(small.devices.get('big') as IosConnectOptions));
    results.push(...(await push500(small.devices.get('slow') as IosConnectOptions)));
  } finally {
    await small.stop();
  }
  const fleet = await startLab('fleet', ['--devices', '500', '--lines', '300', '--host-key-dir', `${TMP}fleet-keys`], knownHosts);
  try {
    results.push(await backup([...fleet.devices.values()], 50));
  } finally {
    await fleet.stop();
  }
  return results;
}

async function loginAndShowRun(options: IosConnectOptions): Promise<BenchResult> {
  const times: number[] = [];
  let lines = 0;
  for (let i = 0; i < 11; i++) {
    const start = performance.now();
    const driver = await connectIos(options);
    const config = await driver.getRunningConfig();
    driver.close();
    times.push(performance.now() - start);
    lines = config.split('\n').length;
  }
  return { section: SECTION, name: 'login + prep + show run (5k lines)', value: median(times), unit: 'ms', details: { lines, runs: times.length, min: Math.min(...times) } };
}

/** 100 loopback sections (header, description, address, exit) and 100 static routes. */
function fiveHundredLines(tag: number): string[] {
  const sections = Array.from({ length: 100 }, (_, i) => [`interface Loopback${tag * 1000 + i}`, ` description bench ${tag} ${i}`, ` ip address 10.${200 + tag}.${i}.1 255.255.255.255`, 'exit']);
  const routes = Array.from({ length: 100 }, (_, i) => `ip route 10.${210 + tag}.${i}.0 255.255.255.0 Null0`);
  return [...sections.flat(), ...routes];
}

/**
 * 500 config lines on a device answering each line 20 ms after it arrives: one round trip per
 * line would take >= 10 s. First as a change creating 100 sections (the driver confirms each
 * new section's header before typing into it: one round trip per section, see
 * docs/decisions/0001-push-section-barrier.md), then as the pipeline sends a plan: the engine's
 * commands for a change to those sections now that they exist, with the running config's
 * sections passed as `existingSections`. The target applies to the plan push.
 */
async function push500(options: IosConnectOptions): Promise<BenchResult[]> {
  const driver = await connectIos(options);
  try {
    const created = await driver.pushConfig(fiveHundredLines(2));
    if (!created.ok) throw new Error(`bench push failed: ${created.error?.message}`);
    const newSections: BenchResult = {
      section: SECTION,
      name: 'push 500 lines creating 100 sections, lab latency 20 ms',
      value: created.elapsedMs,
      unit: 'ms',
      details: { lines: created.applied.length, lineByLineFloorMs: created.applied.length * 20, sectionBarrierFloorMs: 100 * 20 },
    };
    const running = await driver.getRunningConfig();
    const changed = running.replace(/description bench 2 /g, 'description bench changed ').replace(/ip address 10\.202\./g, 'ip address 10.212.');
    const intended = changed.replace(/^end\s*$/m, `${fiveHundredLines(3).slice(400).join('\n')}\nend`);
    const plan = planConfig(running, intended);
    const pushed = await driver.pushConfig(plan.commands, { existingSections: existingSectionsOfText(running) });
    if (!pushed.ok) throw new Error(`bench plan push failed: ${pushed.error?.message}`);
    const planPush: BenchResult = {
      section: SECTION,
      name: 'push a 500-line plan into existing sections, lab latency 20 ms',
      value: pushed.elapsedMs,
      unit: 'ms',
      details: { lines: pushed.applied.length, lineByLineFloorMs: pushed.applied.length * 20 },
      target: '<= 1500 ms',
      pass: pushed.elapsedMs <= 1500 && pushed.applied.length >= 500,
    };
    return [newSections, planPush];
  } finally {
    driver.close();
  }
}

async function backup(devices: IosConnectOptions[], concurrency: number): Promise<BenchResult> {
  let next = 0;
  let errors = 0;
  let bytes = 0;
  const worker = async (): Promise<void> => {
    while (next < devices.length) {
      const options = devices[next++] as IosConnectOptions;
      try {
        const driver = await connectIos(options);
        bytes += (await driver.getRunningConfig()).length;
        driver.close();
      } catch (error) {
        if (++errors <= 3) process.stderr.write(`bench device: ${(error as Error).message}\n`);
      }
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  const perSecond = (devices.length - errors) / seconds;
  return {
    section: SECTION,
    name: `backup ${devices.length} devices, concurrency ${concurrency}`,
    value: perSecond,
    unit: 'devices/s',
    details: { errors, seconds, bytes },
    target: '>= 100 devices/s',
    pass: perSecond >= 100 && errors === 0,
  };
}

async function startLab(name: string, args: string[], knownHosts: KnownHosts): Promise<Lab> {
  const inventoryPath = `${TMP}${name}-inventory.yaml`;
  const child = spawn(CATNET[0], [...CATNET.slice(1), 'lab', 'start', ...args, '--base-port', '0', '--write-inventory', inventoryPath], { stdio: ['ignore', 'pipe', 'inherit'], env: LAB_KEY_ENV });
  await waitForOutput(child, 'lab running');
  const devices = new Map<string, IosConnectOptions>(
    (await readLabInventory(inventoryPath)).map((d) => [d.name, { device: d.name, host: d.host, port: d.port, username: d.username, password: d.password, enableSecret: d.enableSecret, knownHosts, hostKeyMode: 'accept-new' }]),
  );
  return {
    devices,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((done) => child.once('exit', done));
    },
  };
}
