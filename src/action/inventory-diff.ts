// What changed between two versions of catnet.config.yaml, as far as deploying goes: whether a
// change reaches every device (settings, defaults), and otherwise which devices resolve
// differently and why. Both inventories may have been parsed from different places on disk (the
// base is usually written to a temporary file), so local paths are compared relative to each
// inventory's own folder.

import path from 'node:path';
import type { Device, Inventory, Settings } from '../config/inventory/index.js';

export interface InventoryDiff {
  /** Sentences for a change that affects every device; empty when none did. */
  global: string[];
  /** Per head device that resolves differently (or is new), why; devices in head order. */
  devices: Map<string, string[]>;
}

/** `label` names the file in the sentences (its repo-relative path). */
export function diffInventories(base: Inventory, head: Inventory, label: string): InventoryDiff {
  const global: string[] = [];
  if (canonical(portableSettings(base)) !== canonical(portableSettings(head))) global.push(`settings changed in ${label}`);
  if (canonical(base.document.defaults) !== canonical(head.document.defaults)) global.push(`defaults changed in ${label}`);
  const devices = new Map<string, string[]>();
  const before = new Map(base.devices.map((d) => [d.name, d]));
  for (const device of head.devices) {
    const old = before.get(device.name);
    if (old === undefined) devices.set(device.name, [`added to ${label}`]);
    else if (canonical(withoutLine(old)) !== canonical(withoutLine(device))) devices.set(device.name, deviceReasons(base, head, device, label, global.length > 0));
  }
  return { global, devices };
}

/** The device's own entry, else the groups it inherits whose definition changed, else the settings or defaults (said once, for every device). */
function deviceReasons(base: Inventory, head: Inventory, device: Device, label: string, globalChange: boolean): string[] {
  const entry = (inventory: Inventory) => inventory.document.devices.find((d) => d.name === device.name);
  if (canonical(entry(base)) !== canonical(entry(head))) return [`its entry changed in ${label}`];
  const groups = device.groups.filter((name) => canonical(base.document.groups[name]) !== canonical(head.document.groups[name]));
  if (groups.length > 0) return groups.map((name) => `group ${name} changed in ${label}`);
  if (globalChange) return [];
  // Nothing found to blame (not expected): still say where the change is.
  return [`its entry or a group it inherits changed in ${label}`];
}

function withoutLine(device: Device): Omit<Device, 'line'> {
  const { line: _line, ...rest } = device;
  return rest;
}

/** Settings with local paths relative to the inventory's folder. */
function portableSettings(inventory: Inventory): Settings {
  const folder = path.dirname(inventory.file);
  const rel = (p: string) => path.relative(folder, p);
  const { settings } = inventory;
  const paths = Object.fromEntries(Object.entries(settings.paths).map(([key, value]) => [key, rel(value)])) as Settings['paths'];
  const source = settings.source.type === 'local' ? { ...settings.source, path: rel(settings.source.path) } : settings.source;
  return { ...settings, paths, source };
}

/** JSON with object keys sorted, so that reordering keys in the YAML is not a change. */
export function canonical(value: unknown): string {
  if (value === undefined) return 'undefined';
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
