// `catnet lab start --config catnet.config.yaml`: the lab serves the inventory's own devices, on
// their own ports, with their own (decrypted) logins, starting from their intended configs. A
// CatNet project can then be tried end to end against the lab without editing anything.

import { loadInventory } from '../../config/inventory/index.js';
import type { Device, Inventory } from '../../config/inventory/index.js';
import { loadCredentials, type Credential } from '../../config/secrets/credentials-file.js';
import { loadMasterKeys } from '../../config/secrets/keys.js';
import { LocalSource, resolveAllIntended } from '../../config/sources/index.js';
import type { DeviceCredentials } from '../device/lab-device.js';
import { generateLabCredentials } from './lab-credentials.js';
import { labFileDevice, labHostKeyDir, loadLabFile } from './lab-file.js';
import type { LabDeviceSpec, LabOptions } from './lab.js';
import type { LabFile } from './lab-spec.js';

/** The lab only listens on the loopback: anything else would expose made-up devices to a network. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** An inventory the lab cannot serve; the message says why and is safe to print. */
export class LabInventoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LabInventoryError';
  }
}

export interface InventoryLabSources {
  /** Lab file whose entries (matched by name) give configs and faults. */
  labFile?: string;
  env: Readonly<Record<string, string | undefined>>;
  keyFile?: string;
}

export interface InventoryLab {
  options: Omit<LabOptions, 'credentials' | 'clock'>;
  /** Device name → the credentials set its login comes from. */
  credentialSets: Map<string, string>;
}

export async function labFromInventory(configFile: string, sources: InventoryLabSources): Promise<InventoryLab> {
  const inventory = await loadInventory(configFile, { env: sources.env });
  checkDevices(inventory);
  const lab = sources.labFile === undefined ? undefined : await loadLabFile(sources.labFile);
  const entries = new Map(lab?.devices.map((entry, i) => [entry.name, i]));
  const unknown = [...entries.keys()].filter((name) => !inventory.devices.some((d) => d.name === name));
  if (unknown.length > 0) throw new LabInventoryError(`${sources.labFile}: devices not in ${configFile}: ${unknown.join(', ')}`);
  if (lab?.telnet === false) {
    const telnet = inventory.devices.filter((d) => d.transport === 'telnet').map((d) => d.name);
    if (telnet.length > 0) throw new LabInventoryError(`${sources.labFile}: telnet is off, but these devices are reached over Telnet: ${telnet.join(', ')}`);
  }

  const logins = await deviceLogins(inventory, sources);
  // A lab file entry with its own config or generate wins; the others start from their intended config.
  const ownConfig = (d: Device): boolean => {
    const entry = lab?.devices[entries.get(d.name) ?? -1];
    return entry?.config !== undefined || entry?.generate !== undefined;
  };
  const intended = await intendedConfigs(inventory, inventory.devices.filter((d) => !ownConfig(d)));

  const devices: LabDeviceSpec[] = [];
  for (const device of inventory.devices) {
    const index = entries.get(device.name);
    const fromFile = lab !== undefined && index !== undefined ? await labFileDevice(sources.labFile as string, lab, index) : undefined;
    devices.push({
      name: device.name,
      config: ownConfig(device) ? (fromFile?.config as string) : (intended.get(device.name) as string),
      faults: fromFile?.faults,
      legacyAlgorithms: fromFile?.legacyAlgorithms,
      host: device.host,
      // The inventory's port serves its transport; the other protocol takes any free port.
      sshPort: device.transport === 'ssh' ? device.port : 0,
      telnetPort: device.transport === 'telnet' ? device.port : 0,
      credentials: logins.get(device.name),
    });
  }
  return {
    options: { devices, basePort: 0, telnet: lab?.telnet ?? true, hostKeyDir: lab === undefined ? undefined : labHostKeyDir(sources.labFile as string, lab as LabFile) },
    credentialSets: new Map(inventory.devices.map((d) => [d.name, d.credentials[0] as string])),
  };
}

/** Loopback hosts only, and no two devices on one address and port. */
function checkDevices(inventory: Inventory): void {
  const problems: string[] = [];
  const taken = new Map<string, string>();
  for (const device of inventory.devices) {
    if (!LOOPBACK.has(device.host)) {
      problems.push(`device "${device.name}": host ${device.host} is not a loopback address (127.0.0.1, localhost or ::1); the lab only serves the loopback`);
    }
    const at = `${device.host}:${device.port}`;
    const other = taken.get(at);
    if (other !== undefined) problems.push(`device "${device.name}": ${at} is also device "${other}"'s address; the lab needs one port per device`);
    taken.set(at, device.name);
    if (device.credentials.length === 0) problems.push(`device "${device.name}": no credentials set in the inventory; the lab logs in with the device's first one`);
  }
  if (inventory.devices.length === 0) problems.push('the inventory has no devices');
  if (problems.length > 0) throw new LabInventoryError(`${inventory.file}:\n  ${problems.join('\n  ')}`);
}

/** Each device's login: its first credentials set, decrypted. */
async function deviceLogins(inventory: Inventory, sources: InventoryLabSources): Promise<Map<string, DeviceCredentials>> {
  const keys = await loadMasterKeys({ env: sources.env, keyFile: sources.keyFile });
  const file = inventory.settings.paths.credentials;
  const sets = await loadCredentials(file, keys);
  const logins = new Map<string, DeviceCredentials>();
  for (const device of inventory.devices) {
    const name = device.credentials[0] as string;
    const set = sets.get(name);
    if (!set) throw new LabInventoryError(`device "${device.name}": credentials set "${name}" is not in ${file}`);
    logins.set(device.name, labLogin(set));
  }
  return logins;
}

/** Password login is enough for the lab; a set without an enable secret gets one nobody knows, as on a device whose secret was lost. */
function labLogin(set: Credential): DeviceCredentials {
  return { username: set.username, password: set.password, enableSecret: set.enableSecret ?? generateLabCredentials().enableSecret, authorizedKeys: [] };
}

async function intendedConfigs(inventory: Inventory, devices: Device[]): Promise<Map<string, string>> {
  if (devices.length === 0) return new Map();
  const source = inventory.settings.source;
  if (source.type !== 'local') {
    throw new LabInventoryError(`${inventory.file}: the lab starts devices from their intended configs only with a local source (settings.source is ${source.type}); give their configs in a lab file (--file)`);
  }
  const results = await resolveAllIntended(new LocalSource(source.path), devices);
  const failed = results.flatMap((r) => (r.ok ? [] : [r.error.message]));
  if (failed.length > 0) throw new LabInventoryError(`cannot start the lab from the intended configs:\n  ${failed.join('\n  ')}`);
  return new Map(results.flatMap((r) => (r.ok ? [[r.device, r.value.text] as const] : [])));
}
