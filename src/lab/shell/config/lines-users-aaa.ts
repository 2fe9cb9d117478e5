// Console and vty lines, local users, the enable secret, and the basics of AAA.

import type { ConfigNode } from '../../../ios/types.js';
import { cmd, custom, enter, set, toggleCommand, type CommandDef, type EffectContext, type EffectResult } from './command-def.js';
import { removeLines, setLine } from './config-tree.js';
import type { AreaCommands } from './modes.js';
import { storedSecret } from './secrets.js';
import { orderOf } from './show-order.js';

/** `exec-timeout M [S]`: stored as `M S`; the default `10 0` is not printed. */
function execTimeout(ctx: EffectContext): EffectResult {
  const lines = ctx.lines as ConfigNode[];
  const text = `exec-timeout ${ctx.args.minutes ?? '10'} ${ctx.args.seconds ?? '0'}`;
  if (ctx.negation !== undefined || text === 'exec-timeout 10 0') return { changed: removeLines(lines, 'exec-timeout', 1) };
  return { changed: setLine(lines, text, 1, orderOf(ctx.mode)) };
}

/** `username U [privilege P] secret|password …`: one line per user, a clear secret stored hashed. */
function username(ctx: EffectContext): EffectResult {
  const lines = ctx.lines as ConfigNode[];
  const { name, level, secret, secretType, password, passwordType } = ctx.args as Record<string, string | undefined>;
  if (ctx.negation !== undefined) return { changed: removeLines(lines, `username ${name as string}`, 2) };
  const privilege = level === undefined || level === '1' ? '' : ` privilege ${level}`;
  const credential =
    secret !== undefined ? `secret ${storedSecret(name as string, secretType, secret)}`
    : password !== undefined ? `password ${passwordType ?? '0'} ${password}`
    : 'nopassword';
  return { changed: setLine(lines, `username ${name as string}${privilege} ${credential}`, 2, orderOf('global')) };
}

/** `enable secret [TYPE] S`: stored hashed, one per device. */
function enableSecret(ctx: EffectContext): EffectResult {
  const lines = ctx.lines as ConfigNode[];
  if (ctx.negation !== undefined) return { changed: removeLines(lines, 'enable secret', 2) };
  const text = `enable secret ${storedSecret('enable', ctx.args.type, ctx.args.secret as string)}`;
  return { changed: setLine(lines, text, 2, orderOf('global')) };
}

const GLOBAL: readonly CommandDef[] = [
  cmd('line console 0', enter('line', 'line con 0')),
  cmd('line aux 0', enter('line', 'line aux 0')),
  cmd('line vty <first:num(0-1869)> [<last:num(0-1869)>]', enter('line')),
  cmd(
    'username <name:word> [privilege <level:num(0-15)>] {secret [<secretType:num(0-9)>] <secret:word> | password [<passwordType:num(0-7)>] <password:word> | nopassword}',
    custom('username', username),
    { syntax: 'username <name:word> [<rest:line>]' },
  ),
  cmd('enable secret [<type:num(0-9)>] <secret:word>', custom('enable-secret', enableSecret), { syntax: 'enable secret [<rest:line>]' }),
  cmd('enable password [7] <password:word>', set(2), { syntax: 'enable password [<rest:line>]' }),
  toggleCommand('aaa new-model', false, true),
  cmd('aaa authentication login {default | <list:word>} <methods:line>', set(4), { syntax: 'aaa authentication login {default | <list:word>} [<methods:line>]' }),
  cmd('aaa authorization exec {default | <list:word>} <methods:line>', set(4), { syntax: 'aaa authorization exec {default | <list:word>} [<methods:line>]' }),
  cmd('aaa accounting exec {default | <list:word>} <methods:line>', set(4), { syntax: 'aaa accounting exec {default | <list:word>} [<methods:line>]' }),
  cmd('aaa session-id {common | unique}', set(2), { syntax: 'aaa session-id [{common | unique}]' }),
];

const TRANSPORTS = '{all | none | ssh [telnet] | telnet [ssh]}';

const LINE: readonly CommandDef[] = [
  cmd('exec-timeout <minutes:num(0-35791)> [<seconds:num(0-2147483)>]', custom('exec-timeout', execTimeout), { syntax: 'exec-timeout [<minutes:num(0-35791)> [<seconds:num(0-2147483)>]]' }),
  cmd('login [local]', set(1)),
  cmd(`transport input ${TRANSPORTS}`, set(2), { syntax: `transport input [${TRANSPORTS}]` }),
  cmd(`transport output ${TRANSPORTS}`, set(2), { syntax: `transport output [${TRANSPORTS}]` }),
  // Binding an ACL that does not exist (yet) is allowed, as on IOS.
  cmd('access-class <acl:word> {in | out} [vrf-also]', set([0, 2])),
  cmd('logging synchronous', set()),
  cmd('password 7 <password:word>', set(1), { syntax: 'password [<rest:line>]' }),
  cmd('password [0] <password:word>', set(1, 'password {password}'), { syntax: 'password [<rest:line>]' }),
  cmd('privilege level <level:num(0-15)>', set(2), { syntax: 'privilege level [<level:num(0-15)>]' }),
  cmd('stopbits {1 | 1.5 | 2}', set(1), { syntax: 'stopbits [{1 | 1.5 | 2}]' }),
  cmd('length <lines:num(0-512)>', set(1), { syntax: 'length [<lines:num(0-512)>]' }),
  cmd('width <columns:num(0-512)>', set(1), { syntax: 'width [<columns:num(0-512)>]' }),
  cmd('session-timeout <minutes:num(0-35791)>', set(1), { syntax: 'session-timeout [<minutes:num(0-35791)>]' }),
  cmd('history size <lines:num(0-256)>', set(2), { syntax: 'history size [<lines:num(0-256)>]' }),
];

export const linesUsersAaaCommands: AreaCommands = { global: GLOBAL, line: LINE };
