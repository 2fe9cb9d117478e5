// Runs the built `catnet` binary as a separate process, as users and scripts do.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FakeRepo } from './fake-github.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const cliPath = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  input?: string;
  /** Added to (or, when undefined, removed from) the environment. */
  env?: Record<string, string | undefined>;
  /** The process's GitHub API is this fake repository (msw, test/support/fake-github.ts). */
  fakeGitHub?: FakeRepo;
}

const preload = fileURLToPath(new URL('./fake-github-preload.ts', import.meta.url));
// tsx's loader, by path: `--import tsx` would be looked up from the child's working directory.
const tsxLoader = fileURLToPath(new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url));

/** The command line of a CLI run: node's arguments, the environment. */
function invocation(args: string[], options: CliOptions): { argv: string[]; env: Record<string, string> } {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run "npm run build" first (npm test does)`);
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...options.env };
  const nodeArgs: string[] = [];
  if (options.fakeGitHub) {
    env.CATNET_TEST_FAKE_GITHUB = JSON.stringify(options.fakeGitHub);
    nodeArgs.push('--import', tsxLoader, '--import', preload);
  }
  return { argv: [...nodeArgs, cliPath, ...args], env: Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined)) };
}

export function runCli(args: string[], options: CliOptions = {}): CliResult {
  const { argv, env } = invocation(args, options);
  const result = spawnSync(process.execPath, argv, { cwd: options.cwd ?? repoRoot, input: options.input ?? '', encoding: 'utf8', env, timeout: 20_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The same without blocking this process: for tests whose lab runs in this process (a
 * synchronous child would leave the simulated devices unable to answer it).
 */
export function runCliAsync(args: string[], options: CliOptions & { timeoutMs?: number } = {}): Promise<CliResult> {
  const { argv, env } = invocation(args, options);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { cwd: options.cwd ?? repoRoot, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.once('error', reject);
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}
