// Real lab devices and their exec interpreter, for the exec-mode tests: the example core-1
// backup, a generated ~500-line router, or any config text.

import { readFileSync } from 'node:fs';
import { LabDevice, type LabClock } from '../../src/lab/device/lab-device.js';
import type { DeviceFaults } from '../../src/lab/device/faults.js';
import { generateDeviceModel } from '../../src/lab/generate/device-model.js';
import { renderRunningConfig } from '../../src/lab/generate/render-model.js';
import type { ExecResult } from '../../src/lab/shell/contracts.js';
import { createConfigInterpreter } from '../../src/lab/shell/config/config-interpreter.js';
import { createExecInterpreter } from '../../src/lab/shell/exec/exec-interpreter.js';
import { FakeClock } from './fake-clock.js';

export const CORE_1 = readFileSync(new URL('../../docs/examples/core-1.running.cfg', import.meta.url), 'utf8');
export const GENERATED_R1 = renderRunningConfig(generateDeviceModel({ hostname: 'r1', seed: 1, targetLines: 500 }));

const credentials = { username: 'netops', password: 'lab', enableSecret: 'enable', authorizedKeys: [] };

export interface ExecHarness {
  device: LabDevice;
  clock: FakeClock;
  /** Runs one exec line, privileged unless told otherwise. */
  run(line: string, privileged?: boolean): ExecResult;
  /** Runs a line that asks a question and gives `reply`; fails if no question was asked. */
  answer(line: string, reply: string): ExecResult;
  /** The output of a privileged line as one text, failing on an error. */
  text(line: string): string;
  /** Enters config-mode lines as a session of `netops` would (after `configure terminal`); fails on an error. */
  configure(...lines: string[]): void;
}

export function execHarness(config: string, options: { faults?: DeviceFaults; clock?: LabClock } = {}): ExecHarness {
  const clock = new FakeClock();
  const device = new LabDevice({ name: 'lab-1', config, credentials, clock: options.clock ?? clock, faults: options.faults });
  const exec = createExecInterpreter(device);
  const run = (line: string, privileged = true): ExecResult => exec.run(line, { privileged, user: 'netops', remoteAddress: '192.0.2.50' });
  return {
    device,
    clock,
    run,
    answer(line, reply) {
      const asked = run(line);
      if (!asked.question) throw new Error(`no question from ${JSON.stringify(line)}: ${JSON.stringify(asked)}`);
      return asked.question.answer(reply);
    },
    text(line) {
      const result = run(line);
      if (result.error) throw new Error(`${line}: ${JSON.stringify(result.error)}`);
      return result.output.join('\n');
    },
    configure(...lines) {
      const config = createConfigInterpreter(device, 'netops');
      for (const line of lines) {
        const result = config.enter(line);
        if (result.error) throw new Error(`${line}: ${JSON.stringify(result.error)}`);
      }
    },
  };
}
