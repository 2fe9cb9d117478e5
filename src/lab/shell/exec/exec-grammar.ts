// The exec-mode command set, as data: each entry's syntax (see grammar.ts for the notation),
// whether user exec (`host>`) may run it, whether it is a show command (paged, filterable), and
// its handler. IOS level-1 commands are the session ones, ping and the read-only status shows;
// configs, files and anything that changes the device need `enable`.

import type { CommandSpec } from '../grammar/grammar.js';
import { showArchive } from './config-archive.js';
import { configureConfirm, configureReplaceAsking, configureReplaceForced, configureRevert, configureTerminal } from './configure-commands.js';
import type { ExecCommand } from './exec-command.js';
import { showInterfaces } from './interface-detail.js';
import { showInterfacesStatus, showIpInterfaceBrief } from './interface-tables.js';
import { ping } from './ping.js';
import { copy, dir, writeMemory } from './save-commands.js';
import { disable, enable, logout, showUsers, terminalLength, terminalWidth } from './session-commands.js';
import { showIpAccessLists } from './show-access-lists.js';
import { showRunningConfig, showRunningInterface, showStartupConfig } from './show-config.js';
import { showIpRoute } from './show-ip-route.js';
import { showVersion } from './show-version.js';

type Run = ExecCommand['run'];

const userCommand = (run: Run): ExecCommand => ({ userExec: true, show: false, run });
const userShow = (run: Run): ExecCommand => ({ userExec: true, show: true, run });
const privilegedCommand = (run: Run): ExecCommand => ({ userExec: false, show: false, run });
const privilegedShow = (run: Run): ExecCommand => ({ userExec: false, show: true, run });

export const EXEC_COMMANDS: readonly CommandSpec<ExecCommand>[] = [
  // The session
  { syntax: 'enable', action: userCommand(enable) },
  { syntax: 'disable', action: userCommand(disable) },
  { syntax: 'exit', action: userCommand(logout) },
  { syntax: 'logout', action: userCommand(logout) },
  { syntax: 'quit', action: userCommand(logout) },
  { syntax: 'terminal length <lines:num(0-512)>', action: userCommand(terminalLength) },
  { syntax: 'terminal width <columns:num(0-512)>', action: userCommand(terminalWidth) },
  // IOS takes up to 2147483647 echoes; the lab stops at 100000 so that one ping cannot exhaust memory.
  { syntax: 'ping [vrf <vrf:word>] <target:ip> [repeat <count:num(1-100000)>]', action: userCommand(ping) },

  // Status anyone logged in may read
  { syntax: 'show version', action: userShow(showVersion) },
  { syntax: 'show ip interface brief', action: userShow(showIpInterfaceBrief) },
  { syntax: 'show interfaces status', action: userShow(showInterfacesStatus) },
  { syntax: 'show interfaces [<interface:ifname>]', action: userShow(showInterfaces) },
  { syntax: 'show ip route [vrf <vrf:word>]', action: userShow(showIpRoute) },
  { syntax: 'show users', action: userShow(showUsers) },

  // Configuration and files: privileged
  { syntax: 'show running-config', action: privilegedShow(showRunningConfig) },
  { syntax: 'show running-config interface <interface:ifname>', action: privilegedShow(showRunningInterface) },
  { syntax: 'show startup-config', action: privilegedShow(showStartupConfig) },
  { syntax: 'show ip access-lists [<name:word>]', action: privilegedShow(showIpAccessLists) },
  { syntax: 'show archive', action: privilegedShow(showArchive) },
  { syntax: 'configure terminal [revert timer <minutes:num(1-120)>]', action: privilegedCommand(configureTerminal) },
  { syntax: 'configure confirm', action: privilegedCommand(configureConfirm) },
  { syntax: 'configure revert { now | timer <minutes:num(1-120)> }', action: privilegedCommand(configureRevert) },
  { syntax: 'configure replace <target:word>', action: privilegedCommand(configureReplaceAsking) },
  { syntax: 'configure replace <target:word> force', action: privilegedCommand(configureReplaceForced) },
  { syntax: 'copy <source:word> <destination:word>', action: privilegedCommand(copy) },
  { syntax: 'write [memory]', action: privilegedCommand(writeMemory) },
  { syntax: 'dir [<filesystem:word>]', action: privilegedCommand(dir) },
];
