// The error of a config file that cannot be used. Its own module, free of the YAML and schema
// libraries, so that the CLI can recognise it without loading them for every command.

export interface ConfigProblem {
  line: number | undefined;
  /** `devices[1].port`, or '' for the whole document. */
  field: string;
  message: string;
}

/** A config file that cannot be used; `message` lists every problem, one per line. */
export class ConfigFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: ConfigProblem[],
  ) {
    super(problems.map((p) => `${file}${p.line === undefined ? '' : `:${p.line}`}: ${p.field === '' ? '' : `${p.field}: `}${p.message}`).join('\n'));
    this.name = 'ConfigFileError';
  }
}

/** Why a file could not be read, in words: `no such file`, `permission denied`, or the system's message. */
export function readFailureReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
}
