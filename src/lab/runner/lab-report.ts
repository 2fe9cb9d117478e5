// What `catnet lab start` tells people and tools: a table of devices, ports and the login, and
// an inventory snippet CatNet can use to reach the lab.

import type { RunningLab } from './lab.js';

export function labTable(lab: RunningLab): string {
  const rows = [['DEVICE', 'HOSTNAME', 'SSH', 'TELNET', 'CONFIG LINES']];
  for (const node of lab.nodes) {
    const lines = node.device.runningConfigBody().split('\n').length;
    rows.push([node.name, node.device.hostname(), `${lab.host}:${node.sshPort}`, node.telnetPort ? `${lab.host}:${node.telnetPort}` : '-', String(lines)]);
  }
  const widths = (rows[0] as string[]).map((_, col) => Math.max(...rows.map((row) => (row[col] as string).length)));
  const table = rows.map((row) => row.map((cell, col) => cell.padEnd(widths[col] as number)).join('  ').trimEnd());
  const { username, password, enableSecret } = lab.credentials;
  return [...table, '', `login: ${username} / ${password}    enable secret: ${enableSecret}`, ''].join('\n');
}

/**
 * Inventory in the shape of catnet.config.yaml. The lab login is written in clear on purpose:
 * it is made up for this run and the lab listens on the loopback only.
 */
export function labInventory(lab: RunningLab, startedAt: Date): string {
  const { username, password, enableSecret } = lab.credentials;
  const lines = [
    `# CatNet lab inventory, written by \`catnet lab start\` at ${startedAt.toISOString()}.`,
    '# The credentials below are generated for this lab run only.',
    'lab_credentials:',
    `  username: ${JSON.stringify(username)}`,
    `  password: ${JSON.stringify(password)}`,
    `  enable_secret: ${JSON.stringify(enableSecret)}`,
    'devices:',
  ];
  for (const node of lab.nodes) {
    lines.push(`  - name: ${node.name}`, `    host: ${lab.host}`, `    port: ${node.sshPort}`, '    platform: cisco_ios', '    transport: ssh');
    if (node.telnetPort) lines.push(`    telnet_port: ${node.telnetPort}`);
  }
  return `${lines.join('\n')}\n`;
}
