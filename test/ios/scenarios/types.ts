// The acceptance table of the remediation engine: one scenario per rule of docs/ios-engine.md.
// `expected` is what renderDeviceCommands(planConfig(running, intended).commands) must return,
// written by hand from the spec and from how Cisco IOS behaves, not from the implementation.

export interface Scenario {
  name: string;
  /** The rule of docs/ios-engine.md (or the IOS fact) the scenario exercises. */
  rule: string;
  /** `show running-config` output of the device. */
  running: string;
  /** The config as a person writes it in Git. */
  intended: string;
  /** The exact device rendering of the plan; `[]` when nothing is to be sent. */
  expected: string[];
  /** Why the expectation is what it is, where the spec leaves room for judgement. */
  note?: string;
  /** Passed to planConfig; regexes are written as strings and compiled by the runner. */
  options?: {
    ignore?: Array<{ match: string; within?: string }>;
    ignoreVersion?: boolean;
  };
}

/**
 * Config text written indented inside a TypeScript file: drops the blank first and last lines
 * and the indentation common to all lines, so relative (IOS) indentation is kept exactly.
 */
export function ios(strings: TemplateStringsArray, ...values: unknown[]): string {
  let text = strings[0] ?? '';
  values.forEach((value, i) => {
    text += String(value) + (strings[i + 1] ?? '');
  });
  const lines = text.split('\n');
  if (lines.length > 0 && (lines[0] ?? '').trim() === '') lines.shift();
  if (lines.length > 0 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
  const indents = lines.filter((l) => l.trim() !== '').map((l) => l.length - l.replace(/^ +/, '').length);
  const margin = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(margin)).join('\n') + '\n';
}

/**
 * `text` with each `[from, to]` replacement applied in turn; every `from` must occur exactly
 * once, so a scenario cannot silently edit the wrong line.
 */
export function edit(text: string, ...replacements: Array<[from: string, to: string]>): string {
  let result = text;
  for (const [from, to] of replacements) {
    const at = result.indexOf(from);
    if (at < 0 || result.indexOf(from, at + 1) >= 0) {
      throw new Error(`scenario edit: ${JSON.stringify(from)} must occur exactly once`);
    }
    result = result.slice(0, at) + to + result.slice(at + from.length);
  }
  return result;
}
