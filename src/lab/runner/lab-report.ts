// What `catnet lab start` tells people and tools: a table of devices, ports and the login.

import type { RunningLab } from './lab.js';

/**
 * The table, then the login. `credentialSets` (device name → credentials set) is given when the
 * logins come from an inventory: they are then named, never printed, as they are real secrets
 * someone chose. A generated login is made up for this run and printed so it can be used.
 */
export function labTable(lab: RunningLab, credentialSets?: ReadonlyMap<string, string>): string {
  const rows = [['DEVICE', 'HOSTNAME', 'SSH', 'TELNET', 'CONFIG LINES']];
  for (const node of lab.nodes) {
    const lines = node.device.runningConfigBody().split('\n').length;
    const at = (port: number): string => `${node.host.includes(':') ? `[${node.host}]` : node.host}:${port}`;
    rows.push([node.name, node.device.hostname(), at(node.sshPort), node.telnetPort ? at(node.telnetPort) : '-', String(lines)]);
  }
  const widths = (rows[0] as string[]).map((_, col) => Math.max(...rows.map((row) => (row[col] as string).length)));
  const table = rows.map((row) => row.map((cell, col) => cell.padEnd(widths[col] as number)).join('  ').trimEnd());
  return [...table, '', ...loginLines(lab, credentialSets), ''].join('\n');
}

function loginLines(lab: RunningLab, credentialSets: ReadonlyMap<string, string> | undefined): string[] {
  if (credentialSets === undefined) {
    const { username, password, enableSecret } = lab.credentials;
    return [`login: ${username} / ${password}    enable secret: ${enableSecret}`];
  }
  const devicesBySet = new Map<string, string[]>();
  for (const [device, set] of credentialSets) devicesBySet.set(set, [...(devicesBySet.get(set) ?? []), device]);
  if (devicesBySet.size === 1) return [`login: from credentials set "${[...devicesBySet.keys()][0]}"`];
  return [...devicesBySet].map(([set, devices]) => `login: from credentials set "${set}" (${devices.join(', ')})`);
}
