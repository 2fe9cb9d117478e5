// Which devices a command works on: `--device` names and `--group` names (a group selects the
// devices in it directly or through a child group); none given means every device.

import type { Device, Inventory } from '../config/inventory/index.js';

export class TargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetError';
  }
}

export function selectDevices(inventory: Inventory, selection: { devices?: readonly string[]; groups?: readonly string[] }): Device[] {
  const names = selection.devices ?? [];
  const groups = selection.groups ?? [];
  const unknownDevices = names.filter((n) => !inventory.devices.some((d) => d.name === n));
  const unknownGroups = groups.filter((g) => !inventory.groups.includes(g));
  const problems = [
    ...(unknownDevices.length > 0 ? [`no device ${unknownDevices.map((n) => `"${n}"`).join(', ')} in the inventory`] : []),
    ...(unknownGroups.length > 0 ? [`no group ${unknownGroups.map((n) => `"${n}"`).join(', ')} in the inventory`] : []),
  ];
  if (problems.length > 0) throw new TargetError(problems.join('; '));
  if (names.length === 0 && groups.length === 0) return inventory.devices;
  return inventory.devices.filter((d) => names.includes(d.name) || d.groups.some((g) => groups.includes(g)));
}
