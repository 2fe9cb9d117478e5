// Lab benchmark: one `catnet lab start` process hosting many devices with large configs; this
// process is the separate client that logs in and pulls `show running-config` as fast as it
// can. Reports the lab's memory and the logins + show-run per second.

import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Client } from 'ssh2';
import { CATNET, LAB_KEY_ENV, readLabInventory, waitForOutput, type LabDeviceLogin } from './lab-process.js';
import type { BenchResult } from './report.js';

const TMP = fileURLToPath(new URL('./tmp/', import.meta.url));

interface LabSize {
  devices: number;
  lines: number;
  seconds: number;
  concurrency: number;
}

export async function benchLab(size: LabSize = { devices: 500, lines: 5000, seconds: 15, concurrency: 24 }): Promise<BenchResult[]> {
  mkdirSync(TMP, { recursive: true });
  const inventoryPath = `${TMP}lab-inventory.yaml`;
  const started = performance.now();
  const lab = spawn(
    CATNET[0],
    [...CATNET.slice(1), 'lab', 'start', '--devices', String(size.devices), '--lines', String(size.lines), '--base-port', '0',
      '--host-key-dir', `${TMP}lab-host-keys`, '--write-inventory', inventoryPath],
    { stdio: ['ignore', 'pipe', 'inherit'], env: LAB_KEY_ENV },
  );
  try {
    await waitForOutput(lab, 'lab running');
    const startSeconds = (performance.now() - started) / 1000;
    const idleRss = rssMiB(lab.pid as number);
    const load = await showRunLoad(await readLabInventory(inventoryPath), size);
    const peakRss = peakRssMiB(lab.pid as number);
    const section = 'lab';
    const label = `${size.devices} devices x ${size.lines} lines`;
    return [
      {
        section,
        name: `${label}: logins + show run`,
        value: load.perSecond,
        unit: 'sessions/s',
        details: { sessions: load.sessions, errors: load.errors, concurrency: size.concurrency, bytes: load.bytes },
        target: '>= 150 sessions/s',
        pass: load.perSecond >= 150 && load.errors === 0,
      },
      { section, name: `${label}: memory (peak RSS)`, value: peakRss, unit: 'MiB', details: { idleRss, startSeconds }, target: '<= 2048 MiB', pass: peakRss <= 2048 },
    ];
  } finally {
    lab.kill('SIGTERM');
    await new Promise((done) => lab.once('exit', done));
  }
}

async function showRunLoad(devices: LabDeviceLogin[], size: LabSize): Promise<{ sessions: number; errors: number; bytes: number; perSecond: number }> {
  const deadline = performance.now() + size.seconds * 1000;
  let sessions = 0;
  let errors = 0;
  let bytes = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const device = devices[next++ % devices.length] as LabDeviceLogin;
      try {
        const text = await loginAndShowRun(device, device);
        if (!text.includes('\nend')) throw new Error(`${device.name}: truncated show run`);
        bytes += text.length;
        sessions++;
      } catch (error) {
        errors++;
        if (errors <= 3) process.stderr.write(`bench lab: ${(error as Error).message}\n`);
      }
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: size.concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  return { sessions, errors, bytes, perSecond: sessions / seconds };
}

/** One SSH login and `show running-config` over an exec channel, as a backup job does. */
function loginAndShowRun(device: { host: string; port: number }, login: { username: string; password: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const client = new Client();
    const chunks: Buffer[] = [];
    client
      .on('ready', () => {
        client.exec('show running-config', (err, stream) => {
          if (err) return reject(err);
          stream.on('data', (data: Buffer) => chunks.push(data));
          stream.on('close', () => {
            client.end();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
        });
      })
      .on('error', reject)
      .connect({ host: device.host, port: device.port, username: login.username, password: login.password, readyTimeout: 20_000 });
  });
}

function rssMiB(pid: number): number {
  return statusKiB(pid, 'VmRSS') / 1024;
}

function peakRssMiB(pid: number): number {
  return statusKiB(pid, 'VmHWM') / 1024;
}

/** A memory figure of another process, from /proc (Linux). */
function statusKiB(pid: number, field: string): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) : Number.NaN;
}
