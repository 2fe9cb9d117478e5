// Inheritance as in Nornir: a device's groups are its own list in order, each followed depth-first
// by its parents, first occurrence winning. Each value is then the first one found in the device,
// its groups in that order, the defaults, and the built-in default; `vars` and `health_checks`
// are merged per key the same way. The reference checks read the document loosely, so that they
// still run (and are reported with the schema's problems) when some other field is malformed.

import type { PathProblem } from './env.js';
import type { DeviceEntry, GroupEntry, InheritableValues, InventoryFile } from './schema.js';
import type { Device, HealthChecks } from './types.js';

/** Unknown groups, group cycles and duplicate device names. */
export function referenceProblems(document: unknown): PathProblem[] {
  const root = asRecord(document);
  const groups = asRecord(root.groups);
  const devices = Array.isArray(root.devices) ? root.devices : [];
  const parentsOf = (name: string) => stringList(asRecord(groups[name]).groups);
  const problems: PathProblem[] = [];
  const checkList = (owner: (string | number)[], names: unknown) =>
    (Array.isArray(names) ? names : []).forEach((name: unknown, i) => {
      if (typeof name === 'string' && !Object.hasOwn(groups, name)) problems.push({ path: [...owner, 'groups', i], message: `unknown group ${JSON.stringify(name)}` });
    });
  for (const name of Object.keys(groups)) checkList(['groups', name], asRecord(groups[name]).groups);
  for (const cycle of groupCycles(Object.keys(groups), parentsOf)) {
    problems.push({ path: ['groups', cycle[0] as string, 'groups'], message: `groups form a cycle: ${cycle.join(' → ')}` });
  }
  const firstIndex = new Map<string, number>();
  devices.forEach((device, i) => {
    const entry = asRecord(device);
    checkList(['devices', i], entry.groups);
    if (typeof entry.name !== 'string') return;
    const first = firstIndex.get(entry.name);
    if (first === undefined) firstIndex.set(entry.name, i);
    else problems.push({ path: ['devices', i, 'name'], message: `duplicate device name ${JSON.stringify(entry.name)} (first at devices[${first}])` });
  });
  return problems;
}

/** Each cycle once, as the path that closes it (`a → b → a`), found from the first group in file order. */
function groupCycles(names: string[], parentsOf: (name: string) => string[]): string[][] {
  const done = new Set<string>();
  const cycles: string[][] = [];
  const visit = (name: string, stack: string[]) => {
    const at = stack.indexOf(name);
    if (at >= 0) return void cycles.push([...stack.slice(at), name]);
    if (done.has(name) || !names.includes(name)) return;
    for (const parent of parentsOf(name)) visit(parent, [...stack, name]);
    done.add(name);
  };
  for (const name of names) visit(name, []);
  return cycles;
}

/** The device's groups in resolution order (unknown names and cycles are skipped: they are reported elsewhere). */
export function groupOrder(own: readonly string[], groups: Readonly<Record<string, GroupEntry>>): string[] {
  const order: string[] = [];
  const visit = (name: string) => {
    const group = Object.hasOwn(groups, name) ? groups[name] : undefined;
    if (group === undefined || order.includes(name)) return;
    order.push(name);
    for (const parent of group.groups ?? []) visit(parent);
  };
  own.forEach(visit);
  return order;
}

export function resolveDevice(entry: DeviceEntry, file: InventoryFile, settingsChecks: HealthChecks, line: number | undefined): Device {
  const groups = groupOrder(entry.groups ?? [], file.groups);
  // Highest precedence first.
  const layers: InheritableValues[] = [entry, ...groups.map((name) => file.groups[name] as GroupEntry), file.defaults];
  const first = <K extends keyof InheritableValues>(key: K): InheritableValues[K] => layers.find((layer) => layer[key] !== undefined)?.[key];
  const transport = first('transport') ?? 'ssh';
  const device: Device = {
    name: entry.name,
    host: entry.host,
    port: first('port') ?? (transport === 'telnet' ? 23 : 22),
    platform: first('platform') ?? 'cisco_ios',
    transport,
    credentials: first('credentials') ?? [],
    groups,
    vars: mergePerKey(layers.map((layer) => layer.vars ?? {})),
    health_checks: mergePerKey<HealthChecks>([...layers.map((layer) => layer.health_checks ?? {}), settingsChecks]) as HealthChecks,
    line,
  };
  for (const key of ['role', 'site', 'wave', 'template'] as const) {
    const value = first(key);
    if (value !== undefined) device[key] = value;
  }
  return device;
}

/** Per key, the value of the first layer that has it (layers highest precedence first). */
function mergePerKey<T extends object>(layers: readonly Partial<T>[]): Partial<T> {
  const merged: Partial<T> = {};
  for (const layer of [...layers].reverse()) {
    for (const [key, value] of Object.entries(layer)) if (value !== undefined) merged[key as keyof T] = value as T[keyof T];
  }
  return merged;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
