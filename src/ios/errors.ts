// Typed errors of the config engine: bad input is reported with the line it was found on.

export type IosErrorKind = 'parse' | 'pattern';

export class IosConfigError extends Error {
  readonly kind: IosErrorKind;
  /** 1-based line number in the source, when the error is tied to a line. */
  readonly line: number | undefined;
  /** File name or other label of the source, when known. */
  readonly source: string | undefined;

  constructor(kind: IosErrorKind, message: string, line?: number, source?: string) {
    super(IosConfigError.format(message, line, source));
    this.name = 'IosConfigError';
    this.kind = kind;
    this.line = line;
    this.source = source;
  }

  /** `file:12: message`, `line 12: message`, or just the message. */
  static format(message: string, line?: number, source?: string): string {
    if (source && line) return `${source}:${line}: ${message}`;
    if (source) return `${source}: ${message}`;
    if (line) return `line ${line}: ${message}`;
    return message;
  }
}
