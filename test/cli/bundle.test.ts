// The built CLI (src/cli/build.mjs): commander is bundled with its node:child_process load made
// lazy, so that `catnet diff` does not load child_process (and dgram, net…) at start-up.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliPath } from '../support/run-cli.js';

/** Runs the built CLI; with the Node modules the process loaded (process.moduleLoadList). */
function run(args: string[]): { status: number | null; stdout: string; builtins: string[] } {
  const report = 'process.on("exit", () => process.stderr.write(JSON.stringify(process.moduleLoadList)))';
  const result = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(report)}`, cliPath, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, builtins: JSON.parse(result.stderr) as string[] };
}

describe('the built CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'catnet-bundle-'));
  const file = join(dir, 'r.cfg');
  writeFileSync(file, 'hostname r1\n');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs catnet diff without loading node:child_process', () => {
    const diff = run(['diff', file, file]);
    expect(diff.status).toBe(0);
    expect(diff.stdout).toMatch(/No changes/);
    expect(diff.builtins).toContain('NativeModule fs'); // the list is the real one
    expect(diff.builtins.filter((m) => m.includes('child_process'))).toEqual([]);
  });
});
