// Error text for results and logs: the message of what was thrown (DeviceError, config errors
// and the rest all carry a readable one), redacted like every other output.

import { redact } from '../obs/redact.js';

export function errorMessage(error: unknown): string {
  return redact(error instanceof Error ? error.message : String(error));
}
