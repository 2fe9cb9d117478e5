// The seams of the simulated IOS CLI. A terminal session (session.ts) owns line editing, echo,
// prompts, paging, enable/disable and exec vs config; it hands each entered line either to the
// exec interpreter or to the config interpreter, which know the command grammar and change the
// device. These types are the only things the three sides share.

/** Configuration sub-modes, as printed inside the prompt: `host(config-if)#`. */
export type ConfigMode =
  | 'config'
  | 'config-if'
  | 'config-subif'
  | 'config-if-range'
  | 'config-router'
  | 'config-router-af'
  | 'config-line'
  | 'config-ext-nacl'
  | 'config-std-nacl'
  | 'config-route-map'
  | 'config-vlan'
  | 'config-pmap'
  | 'config-pmap-c'
  | 'config-cmap'
  | 'config-vrf'
  | 'config-vrf-af'
  | 'config-archive';

/** Where a config session is: the mode and the section headers entered to get there. */
export interface ConfigPosition {
  mode: ConfigMode;
  /** Canonical header lines from the top level down, e.g. ['router bgp 65000', 'address-family ipv4']. */
  path: string[];
}

/**
 * Why the grammar refused a line. `offset` is the 0-based character offset in the entered line
 * where IOS puts its `^` marker; the session adds the prompt length and prints the caret line.
 */
export type CliError =
  | { kind: 'invalid'; offset: number }
  | { kind: 'incomplete' }
  | { kind: 'ambiguous'; input: string }
  /** Exec mode only: the first word is no command (IOS then tries it as a host name). */
  | { kind: 'unknown' };

/** The exact text IOS prints for an error, without the caret line. */
export function cliErrorMessage(error: CliError): string {
  switch (error.kind) {
    case 'invalid':
      return "% Invalid input detected at '^' marker.";
    case 'incomplete':
      return '% Incomplete command.';
    case 'ambiguous':
      return `% Ambiguous command:  "${error.input}"`;
    case 'unknown':
      return '% Unknown command or computer name, or unable to find computer address';
  }
}

/**
 * What one entered line did. `output` lines have no line ends; the session adds `\r\n`. An entry
 * may hold several lines joined by `\n`: a whole show run is passed as one, as splitting and
 * re-joining 5k-line outputs per login is what a busy lab would spend its time on.
 */
export interface LineResult {
  output: string[];
  error?: CliError;
  /**
   * The line starts a multi-line entry (interactive banner): the session sends every following
   * line to `collect` instead, without a prompt, until it returns a result without `pending`.
   */
  pending?: { collect(line: string): LineResult };
}

/** The output as single lines, for whatever works line by line (paging, `| include`). */
export function outputLines(output: readonly string[]): string[] {
  return output.some((entry) => entry.includes('\n')) ? output.flatMap((entry) => entry.split('\n')) : [...output];
}

/** Interprets configuration-mode lines for one session. */
export interface ConfigInterpreter {
  readonly position: ConfigPosition;
  /**
   * Runs one line entered in config mode (never `end`, `exit` at the top level or Ctrl-Z: the
   * session handles leaving config mode; `exit` inside a sub-mode is the interpreter's).
   * Unknown commands in a sub-mode are tried in the parent modes, as IOS does.
   */
  enter(line: string): LineResult;
}

/** Privilege and terminal facts an exec command may need. */
export interface ExecContext {
  privileged: boolean;
  /** The user who logged in (for `! Last configuration change … by <user>`). */
  user: string;
  /** Remote address of the session (for `show users`, logs). */
  remoteAddress: string;
}

/** Exec commands that change the session rather than the device; the session carries them out. */
export type SessionAction =
  | { kind: 'enable' }
  | { kind: 'disable' }
  | { kind: 'logout' }
  | { kind: 'terminal-length'; lines: number }
  | { kind: 'terminal-width'; columns: number };

/** What an exec command did, beyond its output. */
export interface ExecResult extends LineResult {
  /** `enable`, `disable`, `exit`/`logout`/`quit`, `terminal length|width N`. */
  sessionAction?: SessionAction;
  /** Output that `--More--` paging applies to (show commands); prompts and errors are not paged. */
  paged?: boolean;
  /** `configure terminal` (with or without `revert timer`): the session enters config mode. */
  enterConfig?: boolean;
  /**
   * The command asks a question first (`Destination filename [startup-config]?`). The session
   * prints `prompt` without a line end and passes the reply (one line) to `answer`.
   */
  question?: { prompt: string; answer(reply: string): ExecResult };
}

/** Interprets exec-mode lines (`show …`, `write`, `copy`, `ping`, `configure …`). */
export interface ExecInterpreter {
  run(line: string, context: ExecContext): ExecResult;
}
