// The command grammar of every configuration mode, assembled from the area files (one per
// subject, each a table of commands) and compiled once: `no …` and `default …` forms are
// derived from each command's definition, and every sub-mode understands `exit`.

import { compileGrammar, type CommandSpec, type Grammar } from '../grammar/grammar.js';
import { aclCommands } from './acl.js';
import { EXIT, inverse, type CommandAction, type CommandDef, type ModeId } from './command-def.js';
import { globalCommands } from './global.js';
import { interfaceCommands } from './interface.js';
import { linesUsersAaaCommands } from './lines-users-aaa.js';
import { prefixRouteMapCommands } from './prefix-route-map.js';
import { bgpCommands } from './routing-bgp.js';
import { ospfCommands } from './routing-ospf.js';
import { servicesMgmtCommands } from './services-mgmt.js';
import { vlanQosCommands } from './vlan-qos.js';
import { vrfCommands } from './vrf.js';

export type AreaCommands = Partial<Record<ModeId, readonly CommandDef[]>>;

const AREAS: readonly AreaCommands[] = [
  globalCommands,
  vrfCommands,
  interfaceCommands,
  ospfCommands,
  bgpCommands,
  aclCommands,
  prefixRouteMapCommands,
  linesUsersAaaCommands,
  servicesMgmtCommands,
  vlanQosCommands,
];

const EXIT_COMMAND: CommandDef = { syntax: 'exit', effect: EXIT, negation: false };

function specsOf(defs: readonly CommandDef[]): CommandSpec<CommandAction>[] {
  const specs: CommandSpec<CommandAction>[] = [];
  for (const def of defs) {
    specs.push({ syntax: def.syntax, action: { effect: def.effect, negation: undefined } });
    if (def.negation === false) continue;
    const syntax = def.negation?.syntax ?? def.syntax;
    const no = def.negation?.effect ?? inverse(def.effect);
    specs.push({ syntax: `no ${syntax}`, action: { effect: no, negation: 'no' } });
    specs.push({ syntax: `default ${syntax}`, action: { effect: def.negation?.defaultEffect ?? no, negation: 'default' } });
  }
  return specs;
}

const grammars = new Map<ModeId, Grammar<CommandAction>>();

/** The compiled grammar of a mode (compiled on first use). */
export function grammarOf(mode: ModeId): Grammar<CommandAction> {
  let grammar = grammars.get(mode);
  if (grammar === undefined) {
    const defs = AREAS.flatMap((area) => area[mode] ?? []);
    grammar = compileGrammar(specsOf(mode === 'global' ? defs : [...defs, EXIT_COMMAND]));
    grammars.set(mode, grammar);
  }
  return grammar;
}
