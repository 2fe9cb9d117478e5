// Exec commands about the session rather than the device: the session carries out the action
// (asking for the enable secret, closing the line, resizing the terminal). `show users` lists
// the one session the interpreter knows of: the caller's.

import type { ExecResult, SessionAction } from '../contracts.js';
import { printed, type ExecRequest } from './exec-command.js';

const act = (sessionAction: SessionAction): ExecResult => ({ output: [], sessionAction });

export const enable = (): ExecResult => act({ kind: 'enable' });
export const disable = (): ExecResult => act({ kind: 'disable' });
export const logout = (): ExecResult => act({ kind: 'logout' });

export function terminalLength({ args }: ExecRequest): ExecResult {
  return act({ kind: 'terminal-length', lines: Number(args.lines) });
}

export function terminalWidth({ args }: ExecRequest): ExecResult {
  return act({ kind: 'terminal-width', columns: Number(args.columns) });
}

export function showUsers({ context }: ExecRequest): ExecResult {
  const line = `*  2 vty 0     ${context.user.padEnd(10)} idle                 00:00:00 ${context.remoteAddress}`;
  return printed(
    '    Line       User       Host(s)              Idle       Location',
    line,
    '',
    '  Interface    User               Mode         Idle     Peer Address',
    '',
  );
}
