// `catnet devices list`: the devices with their effective values (their own, their groups',
// the defaults'), as a table or JSON. Credentials appear by set name only.

import type { Device } from '../../config/inventory/index.js';
import { openProject } from '../../config/project.js';
import { redact } from '../../obs/redact.js';
import { redactForOutput } from '../../obs/redact-value.js';
import { ExitCode, InputError, type ExitCodeValue } from '../exit-codes.js';
import { formatTable } from '../table.js';
import type { ProjectCliOptions } from './project-options.js';

export interface DevicesListOptions {
  json?: boolean;
  group?: string;
}

export async function runDevicesList(project: ProjectCliOptions, options: DevicesListOptions, print: (text: string) => void): Promise<ExitCodeValue> {
  const { inventory } = await openProject({ configFile: project.config, keyFile: project.keyFile });
  let devices = inventory.devices;
  if (options.group !== undefined) {
    if (!inventory.groups.includes(options.group)) throw new InputError(`--group ${options.group}: no such group in ${project.config} (groups: ${inventory.groups.join(', ') || 'none'})`);
    // A device's groups include its groups' parents, so a parent group selects its children's devices.
    devices = devices.filter((device) => device.groups.includes(options.group as string));
  }
  if (options.json) {
    print(`${JSON.stringify(redactForOutput(devices.map(publicView)), null, 2)}\n`);
    return ExitCode.ok;
  }
  const rows = devices.map((d) => [d.name, d.host, String(d.port), d.transport, d.groups.join(',') || '-', d.role ?? '-', d.site ?? '-', d.wave ?? '-', d.credentials.join(',') || '-']);
  print(redact(formatTable(['NAME', 'HOST', 'PORT', 'TRANSPORT', 'GROUPS', 'ROLE', 'SITE', 'WAVE', 'CREDENTIALS'], rows)));
  return ExitCode.ok;
}

/** The device as scripts see it: effective values, without the inventory's bookkeeping. */
function publicView(device: Device): Omit<Device, 'line'> {
  const { line: _line, ...view } = device;
  return view;
}
