// Where intended configs come from: a folder on disk, or a folder of a GitHub repository at a
// ref. Both look the same to the rest of CatNet, so that template rendering and the choice of
// a device's file are written once.

export interface ConfigSource {
  /** Human description for messages: `configs/` or `github:owner/repo@main:configs`. */
  readonly description: string;
  /** Every file under the source's root, as posix paths relative to it, sorted. */
  listFiles(): Promise<string[]>;
  /** A file's text, or undefined when it does not exist. `path` is relative to the root. */
  readFile(path: string): Promise<string | undefined>;
  /** Where `path` is, for error messages (`configs/core-1.cfg`, `github:owner/repo@main:configs/core-1.cfg`). */
  locate(path: string): string;
}
