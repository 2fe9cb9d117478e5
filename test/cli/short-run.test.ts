// The V8 flag `catnet diff` sets for itself must exist in this Node's V8: an unknown one would
// be reported on stderr at every run (and on the command line, refused).

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SHORT_RUN_V8_FLAGS } from '../../src/cli/short-run.js';

describe('short-run V8 tuning', () => {
  it('uses only flags this V8 knows', () => {
    const result = spawnSync(process.execPath, [...SHORT_RUN_V8_FLAGS.split(' '), '-e', 'process.stdout.write("ok")'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('ok');
  });

  it('refuses an unknown flag the same way, so that the check above can fail', () => {
    const result = spawnSync(process.execPath, ['--max-inlined-bytecode-size-cumulatve=150', '-e', '0'], { encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/bad option|unrecognized/i);
  });
});
