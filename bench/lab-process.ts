// A `catnet lab start` child process, as the lab and device benchmarks run it: separate from
// the process that measures, so client and devices do not share one event loop.

import type { ChildProcess } from 'node:child_process';

/** Resolves once the child printed `marker` (e.g. `lab running`); rejects if it exits first. */
export function waitForOutput(child: ChildProcess, marker: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (data: Buffer) => {
      seen += data.toString();
      if (seen.includes(marker)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`lab exited (${code}) before it was ready:\n${seen}`)));
  });
}
