// Management services: `service …`, SSH, DNS, SNMP, NTP, logging, banners and the config archive.

import type { ConfigNode } from '../../../ios/types.js';
import { banner } from './banner.js';
import { cmd, custom, enter, remove, set, toggle, toggleCommand, type CommandDef, type EffectContext, type EffectResult } from './command-def.js';
import { setLine } from './config-tree.js';
import type { AreaCommands } from './modes.js';
import { orderOf } from './show-order.js';

/** `snmp-server community NAME [view V] [RO|RW] [ACL]`: IOS prints the access, RO by default. */
function snmpCommunity(ctx: EffectContext): EffectResult {
  const { name, view, acl } = ctx.args as Record<string, string | undefined>;
  const access = ctx.words.includes('RW') ? 'RW' : 'RO';
  const text = ['snmp-server community', name, ...(view === undefined ? [] : ['view', view]), access, ...(acl === undefined ? [] : [acl])].join(' ');
  return { changed: setLine(ctx.lines as ConfigNode[], text, 3, orderOf('global')) };
}

/** `ntp server [vrf V] ADDRESS …`: one line per server. */
const ntpServerKey = (words: string[]): string => words.slice(0, words[2] === 'vrf' ? 5 : 3).join(' ');

const LEVEL = '{<level:num(0-7)> | emergencies | alerts | critical | errors | warnings | notifications | informational | debugging}';

const GLOBAL: readonly CommandDef[] = [
  cmd('service timestamps {debug | log} {datetime [msec] [localtime] [show-timezone] [year] | uptime}', set(3), {
    syntax: 'service timestamps [{debug | log}] [<rest:line>]',
  }),
  toggleCommand('service password-encryption', false, true),
  toggleCommand('service pad', true),
  toggleCommand('service tcp-keepalives-in', false),
  toggleCommand('service tcp-keepalives-out', false),
  toggleCommand('service sequence-numbers', false),
  cmd('ip ssh version {1 | 2}', set(3), { syntax: 'ip ssh version [{1 | 2}]' }),
  cmd('ip ssh time-out <seconds:num(1-120)>', set(3), { syntax: 'ip ssh time-out [<seconds:num(1-120)>]' }),
  cmd('ip ssh authentication-retries <retries:num(0-5)>', set(3), { syntax: 'ip ssh authentication-retries [<retries:num(0-5)>]' }),
  cmd('ip ssh source-interface <interface:ifname>', set(3), { syntax: 'ip ssh source-interface [<interface:ifname>]' }),
  cmd('ip ssh logging events', set()),
  // Lets files be copied to flash with scp (`configure replace` from an uploaded config).
  toggleCommand('ip scp server enable', false),
  toggleCommand('ip domain lookup', true),
  // The older spellings, printed the 15.x way.
  { syntax: 'ip domain-lookup', effect: toggle('ip domain lookup', true) },
  cmd('ip domain name <name:word>', set(3), { syntax: 'ip domain name [<name:word>]' }),
  cmd('ip domain-name <name:word>', set(3, 'ip domain name {name}'), { syntax: 'ip domain-name [<name:word>]', effect: remove(3, 'ip domain name') }),
  cmd('ip name-server <servers:line>', set()),
  cmd('snmp-server community <name:word> [view <view:word>] [{RO | RW}] [<acl:word>]', custom('snmp-community', snmpCommunity), {
    syntax: 'snmp-server community <name:word> [<rest:line>]',
    effect: remove(3),
  }),
  cmd('snmp-server location <text:line>', set(2), { syntax: 'snmp-server location [<text:line>]' }),
  cmd('snmp-server contact <text:line>', set(2), { syntax: 'snmp-server contact [<text:line>]' }),
  cmd('snmp-server host <host:ip> [version {1 | 2c}] <community:word> [<traps:line>]', set(3), { syntax: 'snmp-server host <host:ip> [<rest:line>]' }),
  cmd('snmp-server enable traps [<traps:line>]', set()),
  cmd('snmp-server ifindex persist', set()),
  cmd('ntp server [vrf <vrf:word>] <server:word> [key <key:num>] [prefer] [source <interface:ifname>]', set(ntpServerKey), {
    syntax: 'ntp server [vrf <vrf:word>] <server:word> [<rest:line>]',
  }),
  cmd('ntp source <interface:ifname>', set(2), { syntax: 'ntp source [<interface:ifname>]' }),
  cmd('ntp master [<stratum:num(1-15)>]', set(2)),
  cmd('ntp update-calendar', set()),
  cmd('logging host <host:ip> [<options:line>]', set(3), { syntax: 'logging host <host:ip> [<options:line>]' }),
  cmd('logging <host:ip>', set(3, 'logging host {host}'), { effect: remove(3, 'logging host {host}') }),
  cmd(`logging buffered [<size:num(4096-2147483647)>] [${LEVEL}]`, set(2), { syntax: 'logging buffered [<rest:line>]' }),
  cmd(`logging trap ${LEVEL}`, set(2), { syntax: 'logging trap [<rest:line>]' }),
  // `no logging console` is printed: the console logs by default.
  cmd(`logging console [${LEVEL}]`, set(2), { syntax: 'logging console [<rest:line>]', effect: set(2, 'no logging console'), defaultEffect: remove(2) }),
  cmd(`logging monitor [${LEVEL}]`, set(2), { syntax: 'logging monitor [<rest:line>]', effect: set(2, 'no logging monitor'), defaultEffect: remove(2) }),
  cmd('logging source-interface <interface:ifname>', set(2), { syntax: 'logging source-interface [<interface:ifname>]' }),
  cmd('logging facility <facility:word>', set(2), { syntax: 'logging facility [<facility:word>]' }),
  cmd('banner {motd | login | exec | incoming} <text:line>', custom('banner', banner), { syntax: 'banner {motd | login | exec | incoming}' }),
  cmd('archive', enter('archive')),
];

const ARCHIVE: readonly CommandDef[] = [
  cmd('path <url:line>', set(1), { syntax: 'path [<url:line>]' }),
  cmd('maximum <copies:num(1-14)>', set(1), { syntax: 'maximum [<copies:num(1-14)>]' }),
  cmd('write-memory', set()),
  cmd('time-period <minutes:num(1-525600)>', set(1), { syntax: 'time-period [<minutes:num(1-525600)>]' }),
];

export const servicesMgmtCommands: AreaCommands = { global: GLOBAL, archive: ARCHIVE };
