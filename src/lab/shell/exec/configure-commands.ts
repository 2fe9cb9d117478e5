// `configure …` in exec mode: entering config mode (optionally with a revert timer), confirming
// or reverting a rollback-confirmed change, and `configure replace` from a file on flash.

import { IosConfigError } from '../../../ios/errors.js';
import type { ExecResult } from '../contracts.js';
import { armRevert, archiveRunningConfig, confirmChange, flashFileName, loadRunningConfig, NO_PENDING_CHANGE, revertNow } from './config-archive.js';
import { invalidWord, printed, type ExecRequest } from './exec-command.js';

const REPLACE_QUESTION = `This will apply all necessary additions and deletions
to replace the current running configuration with the
contents of the specified configuration file, which is
assumed to be a complete configuration, not a partial
configuration. Enter Y if you are sure you want to proceed. ? [no]: `;

/** `configure terminal [revert timer N]`; the session prints the config-mode banner. */
export function configureTerminal({ device, args, context }: ExecRequest): ExecResult {
  if (args.minutes !== undefined) {
    // While a rollback is armed, a new timer only moves it: the config to go back to stays.
    const archive = device.pendingRevert?.archive ?? archiveRunningConfig(device);
    armRevert(device, archive, Number(args.minutes), context.user);
  }
  return { output: [], enterConfig: true };
}

export function configureConfirm({ device }: ExecRequest): ExecResult {
  return confirmChange(device) ? { output: [] } : printed(NO_PENDING_CHANGE);
}

/** `configure revert now` rolls back at once; `configure revert timer N` moves the deadline. */
export function configureRevert({ device, args, context }: ExecRequest): ExecResult {
  const pending = device.pendingRevert;
  if (!pending) return printed(NO_PENDING_CHANGE);
  if (args.minutes === undefined) revertNow(device, context.user);
  else armRevert(device, pending.archive, Number(args.minutes), context.user);
  return { output: [] };
}

/** `configure replace flash:FILE`: asks first, as IOS does. */
export function configureReplaceAsking(request: ExecRequest): ExecResult {
  const checked = replacementText(request);
  if (typeof checked !== 'string') return checked;
  return {
    output: [],
    question: {
      prompt: REPLACE_QUESTION,
      answer: (reply) => (/^y(es)?$/i.test(reply.trim()) ? replaceRunning(request, checked) : { output: [] }),
    },
  };
}

/** `configure replace flash:FILE force`: no question. */
export function configureReplaceForced(request: ExecRequest): ExecResult {
  const checked = replacementText(request);
  return typeof checked === 'string' ? replaceRunning(request, checked) : checked;
}

/** The file's text, or what IOS says when there is none to read. */
function replacementText({ device, args, line }: ExecRequest): string | ExecResult {
  const target = args.target as string;
  const file = flashFileName(target);
  if (file === undefined) return invalidWord(line, 2);
  return device.flash.get(file) ?? printed(`%Error opening ${target} (No such file or directory)`);
}

/** The whole running config becomes the file's, in one pass. */
function replaceRunning({ device, args, context }: ExecRequest, text: string): ExecResult {
  try {
    loadRunningConfig(device, text, args.target as string, context.user);
  } catch (error) {
    if (error instanceof IosConfigError) return printed(`%Error: ${error.message}`);
    throw error;
  }
  return printed('Total number of passes: 1', 'Rollback Done');
}
