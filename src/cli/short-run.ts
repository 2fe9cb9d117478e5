// V8 tuning for a command that is one burst of CPU on its input, such as `catnet diff` on two
// large files: see docs/decisions/0004-short-run-inlining-budget.md.

import { setFlagsFromString } from 'node:v8';

/**
 * Caps how much V8's optimising compiler inlines into one function (920 bytes of bytecode by
 * default). In a run of well under a second the engine's hot loops are compiled while they run,
 * on the second core, and large inlined graphs take longer to compile than they save: optimised
 * code arrives late and the loops run unoptimised meanwhile. Only functions compiled from now
 * on are affected; long-running commands (serve, the lab, fleet runs) keep V8's defaults.
 */
export function tuneForShortRun(): void {
  setFlagsFromString(SHORT_RUN_V8_FLAGS);
}

/** V8 prints "unrecognized flag" for one it lacks: test/cli/short-run.test.ts checks this one is known. */
export const SHORT_RUN_V8_FLAGS = '--max-inlined-bytecode-size-cumulative=150';
