// Custom health checks: a `show` command whose output must match `expect` and must not match
// `expect_not` (regex sources, multiline). Only show commands run: a check never changes config.

import type { CustomCheck } from '../../config/inventory/types.js';
import type { IosDriver } from '../../device/ios-driver.js';
import type { CheckResult } from '../../store/types.js';

/** `show` and its IOS abbreviations `sh`, `sho`. */
const SHOW = /^(?:sh|sho|show)\s+\S/i;
/** Pipes that write files (`redirect`, `tee`, `append`) are side effects too. */
const WRITING_PIPE = /\|\s*(?:re|red|redi|redir|redire|redirec|redirect|te|tee|ap|app|appe|appen|append)\b/i;
const EXCERPT_LINES = 3;

/** Why the command may not run as a health check, or undefined when it may. */
export function refuseCommand(command: string): string | undefined {
  if (/[\r\n]/.test(command)) return 'a health check runs one command (no line breaks)';
  if (!SHOW.test(command.trim())) return `only show commands may run as health checks, not ${JSON.stringify(command)}`;
  if (WRITING_PIPE.test(command)) return `output pipes that write files are refused: ${JSON.stringify(command)}`;
  return undefined;
}

export async function customCheck(driver: IosDriver, check: CustomCheck): Promise<CheckResult> {
  const { name } = check;
  const refusal = refuseCommand(check.command);
  if (refusal) return { name, ok: false, detail: refusal };
  let expect: RegExp | undefined;
  let expectNot: RegExp | undefined;
  try {
    expect = check.expect === undefined ? undefined : new RegExp(check.expect, 'm');
    expectNot = check.expect_not === undefined ? undefined : new RegExp(check.expect_not, 'm');
  } catch (error) {
    return { name, ok: false, detail: `invalid regex: ${(error as Error).message}` };
  }
  const output = driver.redact(await driver.show(check.command.trim()));
  if (expect && !expect.test(output)) return { name, ok: false, detail: `expect /${expect.source}/ not found in \`${check.command}\`; output: ${excerpt(output)}` };
  if (expectNot && expectNot.test(output)) return { name, ok: false, detail: `expect_not /${expectNot.source}/ matched \`${check.command}\`; output: ${excerpt(output)}` };
  const passed = [expect && `matched /${expect.source}/`, expectNot && `no match of /${expectNot.source}/`].filter(Boolean);
  return { name, ok: true, detail: `\`${check.command}\`: ${passed.length > 0 ? passed.join(', ') : 'ran'}` };
}

/** The first lines with text, on one line, for a detail sentence. */
function excerpt(output: string): string {
  const lines = output.split(/\r?\n/).map((line) => line.trimEnd()).filter((line) => line.trim() !== '');
  if (lines.length === 0) return '(empty)';
  const head = lines.slice(0, EXCERPT_LINES).join(' ⏎ ');
  return lines.length > EXCERPT_LINES ? `${head} ⏎ …` : head;
}
