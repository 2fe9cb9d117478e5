// `enable` on a vty line, answered as IOS answers it: without an enable secret a vty refuses
// (`% No password set`); otherwise `Password:` up to three times, then `% Bad secrets`; with
// `aaa new-model` (enable authentication by AAA) one wrong secret gives `% Access denied`.

import type { LabDevice } from '../device/lab-device.js';

export const PASSWORD_PROMPT = 'Password: ';
const TRIES = 3;

export type EnableVerdict =
  | { kind: 'granted' }
  /** Wrong, tries left: ask again. */
  | { kind: 'retry' }
  /** The lines to print before going back to the unprivileged prompt. */
  | { kind: 'refused'; lines: string[] };

/** Why `enable` cannot even ask for a secret, or undefined when it can. */
export function enableRefusal(device: LabDevice): string[] | undefined {
  return device.credentials.enableSecret === '' ? ['% No password set', ''] : undefined;
}

/** One `enable` dialogue: the secrets typed in turn. */
export class EnableAttempt {
  private failures = 0;

  constructor(private readonly device: LabDevice) {}

  check(secret: string): EnableVerdict {
    if (secret === this.device.credentials.enableSecret) return { kind: 'granted' };
    const aaa = this.device.running.some((node) => node.text === 'aaa new-model');
    if (aaa) return { kind: 'refused', lines: ['% Access denied', ''] };
    return ++this.failures < TRIES ? { kind: 'retry' } : { kind: 'refused', lines: ['% Bad secrets', ''] };
  }
}
