// Turns a lab file, or a plain device count, into the devices to start: reads config files
// (relative to the lab file) and generates realistic configs for devices without one.

import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ConfigFileError, readFailureReason } from '../../config/config-file-error.js';
import { loadYamlFile } from '../../config/yaml-file.js';
import { generateDeviceModel } from '../generate/device-model.js';
import { renderRunningConfig } from '../generate/render-model.js';
import type { LabDeviceSpec, LabOptions } from './lab.js';
import { labFileSchema, type LabFile, type LabFileDevice } from './lab-spec.js';

const DEFAULT_LINES = 300;

/**
 * A realistic `show running-config` of about `lines` lines for `name`, the same for the same
 * seed, that the lab's clients can reach: generated vty lines only admit the management subnet
 * over SSH, so the loopback is added to their access-class and Telnet to their transports.
 */
export function generatedConfig(name: string, lines = DEFAULT_LINES, seed = seedOf(name)): string {
  const model = generateDeviceModel({ hostname: name, seed, targetLines: lines });
  for (const vty of model.vty) {
    vty.transportInput = 'ssh telnet';
    const acl = model.namedAcls.find((a) => a.name === vty.accessClass);
    if (acl && !acl.entries.includes(LOOPBACK_ENTRY)) acl.entries.unshift(LOOPBACK_ENTRY);
  }
  return renderRunningConfig(model);
}

const LOOPBACK_ENTRY = 'permit 127.0.0.0 0.255.255.255';

/** `count` devices r1…rN with generated configs. */
export function generatedDevices(count: number, lines = DEFAULT_LINES): LabDeviceSpec[] {
  return Array.from({ length: count }, (_, i) => {
    const name = `r${i + 1}`;
    return { name, config: generatedConfig(name, lines) };
  });
}

/** The lab described by a lab file; problems name the file, line and field. */
export async function readLabFile(file: string): Promise<Omit<LabOptions, 'credentials' | 'clock'>> {
  const lab = await loadLabFile(file);
  const devices: LabDeviceSpec[] = [];
  for (const i of lab.devices.keys()) devices.push(await labFileDevice(file, lab, i));
  return {
    devices,
    host: lab.host,
    basePort: lab.basePort,
    telnet: lab.telnet,
    hostKeyDir: labHostKeyDir(file, lab),
  };
}

/** The lab file, checked against its schema. */
export function loadLabFile(file: string): Promise<LabFile> {
  return loadYamlFile(file, labFileSchema);
}

/** The lab file's host key folder, resolved against the file's folder. */
export function labHostKeyDir(file: string, lab: LabFile): string | undefined {
  return lab.hostKeyDir === undefined ? undefined : resolve(dirname(resolve(file)), lab.hostKeyDir);
}

/** Device `i` of a lab file: its config read (relative to the file) or generated. */
export async function labFileDevice(file: string, lab: LabFile, i: number): Promise<LabDeviceSpec> {
  const entry = lab.devices[i] as LabFileDevice;
  let config: string;
  if (entry.config !== undefined) {
    try {
      config = await readFile(resolve(dirname(resolve(file)), entry.config), 'utf8');
    } catch (error) {
      throw new ConfigFileError(file, [{ line: undefined, field: `devices[${i}].config`, message: `cannot read ${entry.config}: ${readFailureReason(error)}` }]);
    }
  } else {
    const generate = entry.generate ?? lab.generate;
    config = generatedConfig(entry.name, generate?.lines, generate?.seed);
  }
  return { name: entry.name, config, faults: entry.faults, legacyAlgorithms: entry.legacyAlgorithms ?? lab.legacyAlgorithms };
}

/** A stable seed per device name, so a device keeps its config across lab runs. */
function seedOf(name: string): number {
  let hash = 2166136261;
  for (const ch of name) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  return hash;
}
