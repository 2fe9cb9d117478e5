// Access lists: numbered (`access-list N …`), named (`ip access-list standard|extended NAME`
// and the entries of its mode, with or without sequence numbers) and `resequence`.

import './acl-entry-type.js';
import { addAclEntry, deleteAcl, findAcl, isNumberedAcl, namedAclSection, removeAclEntry, resequenceAcl, type AclType } from './acl-store.js';
import { cmd, custom, type CommandDef, type EffectContext, type EffectResult, type ModeId } from './command-def.js';
import { ensureSection } from './config-tree.js';
import type { AreaCommands } from './modes.js';
import { orderOf } from './show-order.js';

const SEQ = '<seq:num(1-2147483647)>';

/** `ip access-list standard|extended NAME` enters the list's mode; a number edits `access-list N`. */
function accessListMode(ctx: EffectContext): EffectResult {
  const running = ctx.device.running;
  const type = ctx.words[2] as AclType;
  const name = ctx.args.name as string;
  if (ctx.negation !== undefined) return { changed: deleteAcl(running, findAcl(running, name)) };
  const mode: ModeId = type === 'standard' ? 'std-nacl' : 'ext-nacl';
  if (isNumberedAcl(name)) return { changed: false, enter: { mode, header: ctx.text, virtual: true } };
  const existing = namedAclSection(running, name);
  if (existing !== undefined && existing.type !== type) {
    return { changed: false, output: [`% A named ${existing.type} IP access list with this name already exists`] };
  }
  const { created } = ensureSection(running, ctx.text, orderOf('global'));
  return { changed: created, enter: { mode, header: ctx.text } };
}

function entryText(ctx: EffectContext): string | undefined {
  return ctx.args.entry ?? (ctx.args.text === undefined ? undefined : `remark ${ctx.args.text}`);
}

/** An entry typed in a list's mode: added at its sequence number, or removed by number or text. */
function listEntry(ctx: EffectContext): EffectResult {
  const running = ctx.device.running;
  const name = ctx.header.split(' ')[3] as string;
  // In a named list's mode the section is at hand; a numbered list lives in the top-level lines.
  const list = ctx.lines === undefined ? findAcl(running, name) : { name, numbered: false, children: ctx.lines };
  const seq = ctx.args.seq === undefined ? undefined : Number(ctx.args.seq);
  const text = entryText(ctx);
  if (ctx.negation !== undefined) return { changed: removeAclEntry(running, list, seq !== undefined ? { seq } : { text: text as string }) };
  const result = addAclEntry(running, list, text as string, seq);
  if (result === 'duplicate-sequence') return { changed: false, output: ['% Duplicate sequence number'] };
  return { changed: result === 'added' };
}

/** `access-list N …` appends to list N; `no access-list N …` deletes the whole list, as IOS does. */
function numberedEntry(ctx: EffectContext): EffectResult {
  const running = ctx.device.running;
  const list = findAcl(running, ctx.args.number as string);
  if (ctx.negation !== undefined) return { changed: deleteAcl(running, list) };
  return { changed: addAclEntry(running, list, entryText(ctx) as string, undefined) === 'added' };
}

function resequence(ctx: EffectContext): EffectResult {
  const running = ctx.device.running;
  const { name, start, step } = ctx.args as { name: string; start: string; step: string };
  return { changed: resequenceAcl(running, findAcl(running, name), Number(start), Number(step)) };
}

function entryCommands(type: AclType): CommandDef[] {
  const entry = `<entry:acl-${type}>`;
  return [
    cmd(`[${SEQ}] ${entry}`, custom('acl-entry', listEntry), { syntax: `{${SEQ} [${entry}] | ${entry}}` }),
    cmd(`[${SEQ}] remark <text:line>`, custom('acl-entry', listEntry), { syntax: 'remark <text:line>' }),
  ];
}

const STANDARD_NUMBERS = '{<number:num(1-99)> | <number:num(1300-1999)>}';
const EXTENDED_NUMBERS = '{<number:num(100-199)> | <number:num(2000-2699)>}';
const NUMBERED = custom('numbered-acl', numberedEntry);

const GLOBAL: readonly CommandDef[] = [
  cmd('ip access-list {standard | extended} <name:word>', custom('access-list-mode', accessListMode)),
  cmd('ip access-list resequence <name:word> <start:num(1-2147483647)> <step:num(1-2147483647)>', custom('acl-resequence', resequence), false),
  cmd(`access-list ${STANDARD_NUMBERS} {<entry:acl-standard> | remark <text:line>}`, NUMBERED, { syntax: `access-list ${STANDARD_NUMBERS} [<rest:line>]` }),
  cmd(`access-list ${EXTENDED_NUMBERS} {<entry:acl-extended> | remark <text:line>}`, NUMBERED, { syntax: `access-list ${EXTENDED_NUMBERS} [<rest:line>]` }),
];

export const aclCommands: AreaCommands = {
  global: GLOBAL,
  'std-nacl': entryCommands('standard'),
  'ext-nacl': entryCommands('extended'),
};
