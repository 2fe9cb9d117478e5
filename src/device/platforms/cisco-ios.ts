// Cisco IOS as data: prompts per mode, how to escalate and de-escalate, session preparation,
// the texts by which IOS refuses a command, and its interactive questions. The driver is
// written against this shape, so another CLI of the same family is a new table.

export interface FailurePattern {
  pattern: RegExp;
  /** Short name for machines (`details.reason`). */
  reason: string;
}

export interface DevicePlatform {
  name: string;
  /** Any prompt at the end of the text, capturing host, config mode and level (`>` or `#`). */
  anyPrompt: RegExp;
  /** The prompt of a known hostname, in any mode: tighter than `anyPrompt` against output. */
  promptOf(hostname: string): RegExp;
  /** Text at the start of a line that begins a prompt (for pipelined config output). */
  promptAtLineStart: RegExp;
  /** The pager marker, answered with a space if session preparation did not stop paging. */
  more: RegExp;
  sessionPrep: string[];
  escalate: { command: string; passwordPrompt: RegExp; refused: RegExp };
  deescalate: { config: string; privileged: string };
  configure: { enter: string; exit: string; armRevert(minutes: number): string; confirm: string };
  /** Whole-config replacement from a file uploaded to the device. */
  replace: { file: string; command(file: string): string; ok: RegExp };
  /** A config line that renames the device: the prompt changes after it. */
  hostnameCommand: RegExp;
  showRunning: string;
  save: { command: string; answers: { pattern: RegExp; reply: string }[]; ok: RegExp };
  /** Lines of output that mean the command was refused (first match wins). */
  failures: FailurePattern[];
  /** `%` lines that are not failures (syslog messages shown on the vty). */
  notFailures: RegExp[];
  /** Questions a command may ask, with the answer that keeps the operation going. */
  confirmations: { pattern: RegExp; reply: string }[];
}

const HOST = String.raw`[A-Za-z0-9][\w.\-]*`;
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const ciscoIosDevice: DevicePlatform = {
  name: 'cisco-ios',
  anyPrompt: new RegExp(String.raw`(?:^|\n)(?<host>${HOST})(?:\((?<mode>[\w\-]+)\))?(?<level>[>#]) ?$`),
  promptOf: (hostname) => new RegExp(String.raw`(?:^|\n)(?<host>${escape(hostname)})(?:\((?<mode>[\w\-]+)\))?(?<level>[>#]) ?$`),
  promptAtLineStart: new RegExp(String.raw`^${HOST}(?:\((?:config[\w\-]*)\))?#`),
  more: / ?-+ ?More ?-+ ?$/,
  sessionPrep: ['terminal length 0', 'terminal width 0'],
  escalate: { command: 'enable', passwordPrompt: /Password: ?$/, refused: /% ?(?:Bad secrets|Access denied|No password set)[^\n]*/ },
  deescalate: { config: 'end', privileged: 'disable' },
  configure: {
    enter: 'configure terminal',
    exit: 'end',
    armRevert: (minutes) => `configure terminal revert timer ${minutes}`,
    confirm: 'configure confirm',
  },
  replace: {
    file: 'flash:catnet-replace.cfg',
    command: (file) => `configure replace ${file} force`,
    ok: /Rollback Done/,
  },
  hostnameCommand: /^\s*hostname\s+(\S+)\s*$/,
  showRunning: 'show running-config',
  save: {
    command: 'copy running-config startup-config',
    answers: [{ pattern: /Destination filename \[[^\]\n]*\]\? ?$/, reply: '' }],
    ok: /\[OK\]|bytes copied/,
  },
  failures: [
    { pattern: /^% Invalid input detected/, reason: 'invalid_input' },
    { pattern: /^% Incomplete command/, reason: 'incomplete' },
    { pattern: /^% Ambiguous command/, reason: 'ambiguous' },
    { pattern: /^% Bad mask/, reason: 'bad_mask' },
    { pattern: /^% Command authorization failed/, reason: 'authorization' },
    { pattern: /^% Unknown command/, reason: 'unknown_command' },
    { pattern: /^%.*overlaps with/, reason: 'overlap' },
    { pattern: /^%\s*\S/, reason: 'error' },
  ],
  notFailures: [/^%[A-Z0-9_]+-\d-[A-Z0-9_]+:/, /^% ?Warning:/i],
  confirmations: [
    { pattern: /\[confirm\] ?$/, reply: '' },
    { pattern: /Destination filename \[[^\]\n]*\]\? ?$/, reply: '' },
  ],
};

/** The first line of `output` by which the platform says the command failed, with its reason. */
export function findFailure(platform: DevicePlatform, lines: readonly string[]): { line: string; reason: string } | undefined {
  for (const line of lines) {
    const text = line.trim();
    // IOS says every failure on a `%` line: the rest (a whole running config, say) is skipped at
    // once, and a description that happens to read "overlaps with" is not an error.
    if (!text.startsWith('%')) continue;
    const failure = failureOf(platform, text);
    if (failure) return failure;
  }
  return undefined;
}

/** findFailure over a command's whole output, visiting only its `%` characters (a show run has few). */
export function findFailureInText(platform: DevicePlatform, output: string): { line: string; reason: string } | undefined {
  for (let at = output.indexOf('%'); at >= 0; at = output.indexOf('%', at + 1)) {
    const lineStart = output.lastIndexOf('\n', at - 1) + 1;
    if (output.slice(lineStart, at).trim() !== '') continue;
    const lineEnd = output.indexOf('\n', at);
    const failure = failureOf(platform, output.slice(at, lineEnd < 0 ? undefined : lineEnd).trim());
    if (failure) return failure;
  }
  return undefined;
}

function failureOf(platform: DevicePlatform, text: string): { line: string; reason: string } | undefined {
  if (platform.notFailures.some((re) => re.test(text))) return undefined;
  const hit = platform.failures.find((failure) => failure.pattern.test(text));
  return hit && { line: text, reason: hit.reason };
}
