// Random edits of global settings: users, SNMP, DNS lookup, banner, logging, NTP, vty lines.

import { secretHash, site, word } from './lab-entries.js';
import { different, pickOr, removeWhere, touch, type Edit } from './mutate-context.js';

const USER_NAMES = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'backup', 'auditor'];

const userAdd: Edit = (m) => {
  const taken = new Set(m.model.usernames.map((u) => u.name));
  const name = pickOr(m, USER_NAMES.filter((n) => !taken.has(n)));
  if (name === undefined) return undefined;
  const privilege = m.rng.pick([1, 5, 15]);
  m.model.usernames.push({ name, privilege, secret: secretHash(m.rng) });
  return `user ${name} (privilege ${privilege}) added`;
};

const userRemove: Edit = (m) => {
  // `admin` stays: a device must keep a way in.
  const user = pickOr(m, m.model.usernames.filter((u) => u.name !== 'admin'));
  if (!user) return undefined;
  removeWhere(m.model.usernames, (u) => u === user);
  return `user ${user.name} removed`;
};

const userPrivilege: Edit = (m) => {
  const user = pickOr(m, m.model.usernames.filter((u) => u.name !== 'admin'));
  const privilege = user && different(user.privilege, () => m.rng.pick([1, 5, 7, 15]));
  if (!user || privilege === undefined) return undefined;
  user.privilege = privilege;
  return `user ${user.name}: privilege ${privilege}`;
};

const snmpLocation: Edit = (m) => {
  const location = different(m.model.snmp.location, () => `${site(m.rng)} DC${m.rng.int(1, 3)}, row ${m.rng.int(1, 20)}, rack ${m.rng.int(1, 40)}`);
  if (location === undefined) return undefined;
  m.model.snmp.location = location;
  return `snmp-server location "${location}"`;
};

const snmpCommunity: Edit = (m) => {
  const c = pickOr(m, m.model.snmp.communities);
  if (!c) return undefined;
  if (m.rng.chance(0.5)) {
    const old = c.name;
    c.name = `${c.access.toLowerCase()}-${m.rng.int(10000, 99999)}`;
    if (m.model.snmp.communities.some((x) => x !== c && x.name === c.name)) c.name += 'x';
    return `snmp community ${old} renamed to ${c.name}`;
  }
  c.access = c.access === 'RO' ? 'RW' : 'RO';
  return `snmp community ${c.name} now ${c.access}`;
};

const domainLookup: Edit = (m) => {
  if (!touch(m, 'domain lookup')) return undefined;
  m.model.domainLookup = !m.model.domainLookup;
  return m.model.domainLookup ? 'ip domain lookup enabled' : 'no ip domain lookup';
};

const bannerChange: Edit = (m) => {
  const text = different(m.model.bannerMotd, () =>
    [`${m.model.hostname} (${site(m.rng)}) - ${word(m.rng)} network`, `Authorised access only. Ticket ${m.rng.int(1000, 99999)}.`].join('\n'),
  );
  if (text === undefined) return undefined;
  m.model.bannerMotd = text;
  return 'banner motd changed';
};

const loggingAdd: Edit = (m) => {
  const host = `10.99.0.${m.rng.int(60, 99)}`;
  if (m.model.loggingHosts.includes(host)) return undefined;
  m.model.loggingHosts.push(host);
  return `logging host ${host} added`;
};

const loggingRemove: Edit = (m) => {
  const host = pickOr(m, m.model.loggingHosts);
  if (host === undefined) return undefined;
  removeWhere(m.model.loggingHosts, (h) => h === host);
  return `logging host ${host} removed`;
};

const ntpAdd: Edit = (m) => {
  const server = `10.99.0.${m.rng.int(125, 140)}`;
  if (m.model.ntpServers.includes(server)) return undefined;
  m.model.ntpServers.push(server);
  return `ntp server ${server} added`;
};

const ntpRemove: Edit = (m) => {
  const server = pickOr(m, m.model.ntpServers);
  if (server === undefined) return undefined;
  removeWhere(m.model.ntpServers, (s) => s === server);
  return `ntp server ${server} removed`;
};

const vtyTimeout: Edit = (m) => {
  const vty = pickOr(m, m.model.vty);
  // 10 0 is the default (not displayed): setting it removes the line.
  const timeout = vty && different(vty.execTimeout, () => [m.rng.pick([0, 5, 10, 15, 30, 60]), 0] as [number, number]);
  if (!vty || timeout === undefined) return undefined;
  vty.execTimeout = timeout;
  return `line vty ${vty.first} ${vty.last}: exec-timeout ${timeout.join(' ')}`;
};

const vtyAccessClass: Edit = (m) => {
  const vty = pickOr(m, m.model.vty);
  const acls = m.model.namedAcls.filter((a) => a.type === 'standard').map((a) => a.name);
  const acl = vty && different(vty.accessClass, () => pickOr(m, acls));
  if (!vty || acl === undefined) return undefined;
  vty.accessClass = acl;
  return `line vty ${vty.first} ${vty.last}: access-class ${acl} in`;
};

export const globalEdits: Record<string, Edit> = {
  userAdd, userRemove, userPrivilege, snmpLocation, snmpCommunity, domainLookup, bannerChange,
  loggingAdd, loggingRemove, ntpAdd, ntpRemove, vtyTimeout, vtyAccessClass,
};
