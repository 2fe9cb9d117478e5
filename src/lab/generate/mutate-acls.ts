// Random edits of named and numbered ACLs: entries inserted, deleted, changed, moved, appended;
// whole lists added (sometimes applied somewhere) and removed (with their references).

import { distinctEntries, extendedEntry, standardEntry, word } from './lab-entries.js';
import type { Interface } from './model-types.js';
import { pickOr, removeWhere, type Edit, type MutContext } from './mutate-context.js';
import { isDefaultState } from './render-interfaces.js';
import type { Random } from './random.js';

interface AclRef {
  label: string;
  entries: string[];
  make: (rng: Random) => string;
}

/** A named (or, half the time, numbered) ACL with at least `min` entries. */
function pickAcl(m: MutContext, min: number): AclRef | undefined {
  const named = m.model.namedAcls
    .filter((a) => a.entries.length >= min)
    .map((a) => ({ label: `ip access-list ${a.type} ${a.name}`, entries: a.entries, make: a.type === 'standard' ? standardEntry : extendedEntry }));
  const numbered = m.model.numberedAcls
    .filter((a) => a.entries.length >= min)
    .map((a) => ({ label: `access-list ${a.number}`, entries: a.entries, make: a.number < 100 ? standardEntry : extendedEntry }));
  const pool = named.length > 0 && (numbered.length === 0 || m.rng.chance(0.5)) ? named : numbered;
  return pickOr(m, pool);
}

function newEntry(m: MutContext, acl: AclRef): string | undefined {
  return distinctEntries(m.rng, 1, acl.make, new Set(acl.entries))[0];
}

const aclInsert: Edit = (m) => {
  const acl = pickAcl(m, 2);
  const entry = acl && newEntry(m, acl);
  if (!acl || entry === undefined) return undefined;
  const at = m.rng.int(1, acl.entries.length - 1);
  acl.entries.splice(at, 0, entry);
  return `${acl.label}: "${entry}" inserted at position ${at + 1}`;
};

const aclDelete: Edit = (m) => {
  const acl = pickAcl(m, 2);
  if (!acl) return undefined;
  const [entry] = acl.entries.splice(m.rng.int(0, acl.entries.length - 1), 1);
  return `${acl.label}: "${entry}" deleted`;
};

const aclChange: Edit = (m) => {
  const acl = pickAcl(m, 1);
  const entry = acl && newEntry(m, acl);
  if (!acl || entry === undefined) return undefined;
  const at = m.rng.int(0, acl.entries.length - 1);
  const old = acl.entries[at];
  acl.entries[at] = entry;
  return `${acl.label}: entry ${at + 1} "${old}" changed to "${entry}"`;
};

const aclMove: Edit = (m) => {
  const acl = pickAcl(m, 3);
  if (!acl) return undefined;
  const from = m.rng.int(0, acl.entries.length - 1);
  let to = m.rng.int(0, acl.entries.length - 2);
  if (to >= from) to++;
  const [entry] = acl.entries.splice(from, 1);
  acl.entries.splice(to, 0, entry as string);
  return `${acl.label}: "${entry}" moved from position ${from + 1} to ${to + 1}`;
};

const aclAppend: Edit = (m) => {
  const acl = pickAcl(m, 0);
  const entry = acl && newEntry(m, acl);
  if (!acl || entry === undefined) return undefined;
  acl.entries.push(entry);
  return `${acl.label}: "${entry}" appended`;
};

/** Interfaces that may take an ACL: layer 3, addressed, configured. */
function filterable(i: Interface): boolean {
  return i.ip !== undefined && i.kind !== 'loopback' && i.kind !== 'switchport' && !isDefaultState(i);
}

const aclAdd: Edit = (m) => {
  const names = new Set(m.model.namedAcls.map((a) => a.name));
  let name = `${word(m.rng).toUpperCase()}-ACL-${m.rng.int(1, 999)}`;
  while (names.has(name)) name = `${word(m.rng).toUpperCase()}-ACL-${m.rng.int(1, 999)}`;
  const type = m.rng.chance(0.75) ? 'extended' : 'standard';
  const entries = distinctEntries(m.rng, m.rng.int(2, 12), type === 'extended' ? extendedEntry : standardEntry);
  m.model.namedAcls.push({ name, type, entries });
  let applied = '';
  if (type === 'extended' && m.rng.chance(0.5)) {
    const intf = pickOr(m, m.model.interfaces.filter((i) => filterable(i) && i.accessGroupOut === undefined));
    if (intf) {
      intf.accessGroupOut = name;
      applied = `, applied outbound on ${intf.name}`;
    }
  } else if (type === 'standard' && m.rng.chance(0.3)) {
    const vty = pickOr(m, m.model.vty);
    if (vty) {
      vty.accessClass = name;
      applied = `, access-class of line vty ${vty.first} ${vty.last}`;
    }
  }
  return `${type} ACL ${name} added with ${entries.length} entries${applied}`;
};

const aclRemove: Edit = (m) => {
  const acl = pickOr(m, m.model.namedAcls);
  if (!acl) return undefined;
  let refs = 0;
  for (const i of m.model.interfaces) {
    if (i.accessGroupIn === acl.name) refs += Number(delete i.accessGroupIn);
    if (i.accessGroupOut === acl.name) refs += Number(delete i.accessGroupOut);
  }
  for (const vty of m.model.vty) if (vty.accessClass === acl.name) refs += Number(delete vty.accessClass);
  removeWhere(m.model.namedAcls, (a) => a === acl);
  return `ACL ${acl.name} removed${refs > 0 ? ` with its ${refs} reference(s)` : ''}`;
};

const numberedAclAdd: Edit = (m) => {
  const used = new Set(m.model.numberedAcls.map((a) => a.number));
  const standard = m.rng.chance(0.5);
  const free: number[] = [];
  for (let n = standard ? 1 : 100; n <= (standard ? 99 : 199); n++) if (!used.has(n)) free.push(n);
  const number = pickOr(m, free);
  if (number === undefined) return undefined;
  const entries = distinctEntries(m.rng, m.rng.int(1, 8), standard ? standardEntry : extendedEntry);
  m.model.numberedAcls.push({ number, entries });
  return `access-list ${number} added with ${entries.length} entries`;
};

const numberedAclRemove: Edit = (m) => {
  const acl = pickOr(m, m.model.numberedAcls);
  if (!acl) return undefined;
  let refs = 0;
  for (const c of m.model.snmp.communities) if (c.acl === acl.number) refs += Number(delete c.acl);
  removeWhere(m.model.numberedAcls, (a) => a === acl);
  return `access-list ${acl.number} removed${refs > 0 ? ' (and from its SNMP communities)' : ''}`;
};

export const aclEdits: Record<string, Edit> = {
  aclInsert, aclDelete, aclChange, aclMove, aclAppend, aclAdd, aclRemove, numberedAclAdd, numberedAclRemove,
};
