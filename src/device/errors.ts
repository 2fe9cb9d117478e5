// The one error type of the device layer. Every failure below the driver (socket, SSH, Telnet,
// prompt, device refusal) is mapped to a kind at the layer that sees it, so callers branch on
// `kind` and never on message text.

export type DeviceErrorKind =
  | 'auth'
  | 'timeout'
  | 'connection'
  | 'host_key'
  | 'privilege'
  | 'command_rejected'
  | 'prompt'
  | 'closed';

export class DeviceError extends Error {
  override readonly name = 'DeviceError';

  constructor(
    readonly kind: DeviceErrorKind,
    /** The inventory name of the device. */
    readonly device: string,
    /** For people: what happened and, where it helps, what to do. */
    message: string,
    /** For machines: command, pattern, fingerprints, errno… (never secrets). */
    readonly details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(`${device}: ${message}`, options);
  }

  toJSON(): { kind: DeviceErrorKind; device: string; message: string; details: Record<string, unknown> } {
    return { kind: this.kind, device: this.device, message: this.message, details: this.details };
  }
}

export function isDeviceError(error: unknown): error is DeviceError {
  return error instanceof DeviceError;
}

/** Socket errors by errno: a refused or unreachable port is `connection`, a slow one `timeout`. */
export function fromSocketError(device: string, error: unknown, phase: string): DeviceError {
  if (error instanceof DeviceError) return error;
  const err = error as NodeJS.ErrnoException;
  const code = err?.code;
  const kind = code === 'ETIMEDOUT' ? 'timeout' : 'connection';
  const text = err?.message ?? String(error);
  return new DeviceError(kind, device, `${phase} failed: ${text}`, { code, phase }, { cause: error });
}
