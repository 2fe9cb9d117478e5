// Exec mode of the simulated IOS CLI: matches a line against the exec grammar for the
// session's privilege level, applies an output filter (`| include …`) to show commands, and
// runs the command's handler. Interpreters hold no state of their own: what persists (startup,
// flash, the archive, a pending revert) lives on the device.

import type { LabDevice } from '../../device/lab-device.js';
import { outputLines, type CliError, type ExecContext, type ExecInterpreter, type ExecResult } from '../contracts.js';
import { compileGrammar, matchCommand, type MatchResult } from '../grammar/grammar.js';
import { failed, wordOffset, type ExecCommand } from './exec-command.js';
import { EXEC_COMMANDS } from './exec-grammar.js';
import { parseFilter, splitFilter, type OutputFilter } from './output-filter.js';

const PRIVILEGED_GRAMMAR = compileGrammar(EXEC_COMMANDS);
const USER_GRAMMAR = compileGrammar(EXEC_COMMANDS.filter((spec) => spec.action.userExec));
/** A first word that is no command: IOS tries it as a host name to connect to. */
const EXEC_MATCHING = { unknownFirstWord: 'unknown' } as const;

export function createExecInterpreter(device: LabDevice): ExecInterpreter {
  return { run: (line, context) => runExecLine(device, line, context) };
}

function runExecLine(device: LabDevice, line: string, context: ExecContext): ExecResult {
  if (line.trim() === '') return { output: [] };
  const { command, filter } = splitFilter(line);
  const match = matchAtLevel(command, context.privileged);
  if (!match.ok) return failed(match.error);
  const { action } = match;
  let outputFilter: OutputFilter | undefined;
  if (filter) {
    // Only show output can be filtered: anything else is bad input at the `|`.
    if (!action.show) return failed({ kind: 'invalid', offset: filter.offset - 1 });
    const parsed = parseFilter(filter.text, filter.offset);
    if (!parsed.ok) return failed(parsed.error);
    outputFilter = parsed.filter;
  }
  const result = action.run({ device, context, args: match.args, line: command });
  if (!action.show || result.error) return result;
  return { ...result, paged: true, output: outputFilter ? outputFilter(outputLines(result.output)) : result.output };
}

/**
 * In user exec only level-1 commands exist. A privileged command typed there is bad input at
 * its first word (IOS does not look it up as a host name); a bad later word is reported where
 * it is, as the user grammar finds it.
 */
function matchAtLevel(command: string, privileged: boolean): MatchResult<ExecCommand> {
  if (privileged) return matchCommand(PRIVILEGED_GRAMMAR, command, EXEC_MATCHING);
  const asUser = matchCommand(USER_GRAMMAR, command, EXEC_MATCHING);
  if (asUser.ok || asUser.error.kind !== 'unknown') return asUser;
  const asPrivileged = matchCommand(PRIVILEGED_GRAMMAR, command, EXEC_MATCHING);
  if (!asPrivileged.ok && asPrivileged.error.kind === 'unknown') return asUser;
  const error: CliError = { kind: 'invalid', offset: wordOffset(command, 0) };
  return { ok: false, error };
}
