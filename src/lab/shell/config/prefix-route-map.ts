// Prefix-lists and route-maps: `ip prefix-list …` lines, `route-map NAME [permit|deny] [SEQ]`
// entries and the `match` / `set` clauses of route-map mode.

import { cmd, custom, set, type CommandDef } from './command-def.js';
import type { AreaCommands } from './modes.js';
import { matchList, prefixList, routeMap } from './policy-effects.js';

const PREFIX_ENTRY = '{permit | deny} <prefix:prefix> [ge <ge:num(1-32)>] [le <le:num(1-32)>]';
const PREFIX_LIST = custom('prefix-list', prefixList);

const GLOBAL: readonly CommandDef[] = [
  cmd(`ip prefix-list <name:word> [seq <seq:num(1-4294967294)>] ${PREFIX_ENTRY}`, PREFIX_LIST, {
    syntax: `ip prefix-list <name:word> [seq <seq:num(1-4294967294)>] [${PREFIX_ENTRY}]`,
  }),
  cmd('ip prefix-list <name:word> description <text:line>', set(4), { syntax: 'ip prefix-list <name:word> description [<text:line>]' }),
  cmd('route-map <name:word> [{permit | deny}] [<seq:num(0-65535)>]', custom('route-map', routeMap)),
];

/** `match …` clauses that list names; each kind is one line. */
function matchNames(head: string, values: string): CommandDef {
  const words = head.split(' ').length;
  return cmd(`${head} ${values}`, custom('match-list', matchList(words)), { syntax: `${head} [${values}]` });
}

const ROUTE_MAP: readonly CommandDef[] = [
  cmd('description <text:line>', set(1), { syntax: 'description [<text:line>]' }),
  matchNames('match ip address prefix-list', '<lists:line>'),
  matchNames('match ip address', '<acls:line>'),
  matchNames('match community', '<lists:line>'),
  matchNames('match as-path', '<lists:line>'),
  matchNames('match interface', '<interfaces:line>'),
  cmd('match tag <tag:num>', set(2), { syntax: 'match tag [<tag:num>]' }),
  cmd('set local-preference <preference:num>', set(2), { syntax: 'set local-preference [<preference:num>]' }),
  cmd('set metric <metric:word>', set(2), { syntax: 'set metric [<metric:word>]' }),
  cmd('set metric-type {internal | external | type-1 | type-2}', set(2), { syntax: 'set metric-type [{internal | external | type-1 | type-2}]' }),
  cmd('set weight <weight:num(0-65535)>', set(2), { syntax: 'set weight [<weight:num(0-65535)>]' }),
  cmd('set community <communities:line>', set(2), { syntax: 'set community [<communities:line>]' }),
  cmd('set as-path prepend <path:line>', set(3), { syntax: 'set as-path prepend [<path:line>]' }),
  cmd('set ip next-hop <address:ip>', set(3), { syntax: 'set ip next-hop [<address:ip>]' }),
  cmd('set origin {igp | egp | incomplete}', set(2), { syntax: 'set origin [{igp | egp | incomplete}]' }),
  cmd('set tag <tag:num>', set(2), { syntax: 'set tag [<tag:num>]' }),
  cmd('continue [<seq:num(1-65535)>]', set(1)),
];

export const prefixRouteMapCommands: AreaCommands = { global: GLOBAL, 'route-map': ROUTE_MAP };
