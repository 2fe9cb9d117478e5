// Exit codes are part of CatNet's interface: scripts and CI branch on them.

export const ExitCode = {
  /** Success; for plan/diff: nothing to change. */
  ok: 0,
  /** An unexpected failure. */
  error: 1,
  /** Bad input: unreadable file, invalid config or option; the message names the file and line. */
  badInput: 2,
  /** For plan/diff: there are changes. */
  changes: 3,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** An error the user can fix by changing the input; carries its exit code. */
export class InputError extends Error {
  readonly exitCode: ExitCodeValue = ExitCode.badInput;
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

// Errors the user fixes by changing their input (files, options, keys, the repository named),
// recognised by name so that this module does not load the modules that define them.
const BAD_INPUT_ERRORS = new Set(['InputError', 'IosConfigError', 'ConfigFileError', 'SecretError', 'TemplateError', 'IntendedConfigError', 'GitHubSourceError', 'RollbackTargetError', 'TargetError', 'LabInventoryError']);

export function isBadInput(error: unknown): error is Error {
  return error instanceof Error && BAD_INPUT_ERRORS.has(error.name);
}
