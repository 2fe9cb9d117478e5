// Test helper: a lab device and a config session on it, driven line by line as a terminal
// session drives it (interactive banner lines go to the pending collector), with the device's
// answers rendered as IOS prints them.

import { LabDevice } from '../../src/lab/device/lab-device.js';
import { createConfigInterpreter } from '../../src/lab/shell/config/config-interpreter.js';
import { cliErrorMessage, type ConfigInterpreter, type LineResult } from '../../src/lab/shell/contracts.js';

const credentials = { username: 'u', password: 'p', enableSecret: 'e', authorizedKeys: [] };

export interface ConfigSession {
  device: LabDevice;
  cli: ConfigInterpreter;
  /** Enters lines; returns what the device printed (an invalid-input error ends in `@offset`). */
  type(lines: readonly string[]): string[];
}

export function configSession(startConfig: string): ConfigSession {
  const device = new LabDevice({ name: 'lab-1', config: startConfig, credentials });
  const cli = createConfigInterpreter(device, 'admin');
  let pending: LineResult['pending'];
  return {
    device,
    cli,
    type(lines) {
      const printed: string[] = [];
      for (const line of lines) {
        const result = pending ? pending.collect(line) : cli.enter(line);
        pending = result.pending;
        printed.push(...result.output);
        if (result.error) printed.push(cliErrorMessage(result.error) + (result.error.kind === 'invalid' ? ` @${result.error.offset}` : ''));
      }
      return printed;
    },
  };
}

/** The running config without the `!` separators and `end`: the lines that carry configuration. */
export function configLines(device: LabDevice): string {
  const body = device.runningConfigBody().split('\n');
  // The body ends with `end` and a line end.
  return body
    .slice(0, -2)
    .filter((line) => line.trim() !== '!')
    .join('\n');
}
