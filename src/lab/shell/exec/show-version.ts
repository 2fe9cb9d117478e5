// `show version`: an IOS 15 report for the device's model and software, with its real uptime
// (from the device clock) and the interface counts of its config.

import { isPhysicalInterface } from '../../../ios/interface-names.js';
import type { LabDevice } from '../../device/lab-device.js';
import { iosTime } from '../../device/show-running.js';
import type { ExecResult } from '../contracts.js';
import { printed, type ExecRequest } from './exec-command.js';

const EXPORT_NOTICE = `This product contains cryptographic features and is subject to United
States and local country laws governing import, export, transfer and
use. Delivery of Cisco cryptographic products does not imply
third-party authority to import, export, distribute or use encryption.
Importers, exporters, distributors and users are responsible for
compliance with U.S. and local country laws. By using this product you
agree to comply with applicable laws and regulations. If you are unable
to comply with U.S. and local laws, return this product immediately.

A summary of U.S. laws governing Cisco cryptographic products may be found at:
http://www.cisco.com/wwl/export/crypto/tool/stqrg.html

If you require further assistance please contact us by sending email to
export@cisco.com.`;

export function showVersion({ device }: ExecRequest): ExecResult {
  const family = platformFamily(device.model);
  const image = `${family.toLowerCase()}-universalk9-mz.SPA.${imageVersion(device.softwareVersion)}.bin`;
  return printed(`Cisco IOS Software, ${family} Software (${family}-UNIVERSALK9-M), Version ${device.softwareVersion}, RELEASE SOFTWARE (fc2)
Technical Support: http://www.cisco.com/techsupport
Copyright (c) 1986-2016 by Cisco Systems, Inc.
Compiled Wed 27-Jul-16 05:42 by prod_rel_team

ROM: System Bootstrap, Version 15.0(1r)M15, RELEASE SOFTWARE (fc1)

${device.hostname()} uptime is ${uptime(device.clock.now().getTime() - device.bootedAt.getTime())}
System returned to ROM by power-on
System restarted at ${iosTime(device.bootedAt)}
System image file is "flash0:${image}"
Last reload type: Normal Reload
Last reload reason: power-on



${EXPORT_NOTICE}

Cisco ${device.model} (revision 1.0) with 483328K/40960K bytes of memory.
Processor board ID ${boardId(device.name)}
${interfaceCounts(device).join('\n')}
DRAM configuration is 64 bits wide with parity enabled.
255K bytes of non-volatile configuration memory.
250880K bytes of ATA System CompactFlash 0 (Read/Write)

Configuration register is 0x2102`);
}

/** `CISCO2911/K9` → `C2900`, the name IOS images carry; other models keep their own name. */
function platformFamily(model: string): string {
  const isr = /^CISCO(\d)9\d\d/.exec(model);
  return isr ? `C${isr[1]}900` : (model.split('/')[0] as string).toUpperCase();
}

/** `15.2(4)M11` → `152-4.M11`, as in the image file name. */
function imageVersion(version: string): string {
  return version.replace(/^(\d+)\.(\d+)\((\d+)\)/, '$1$2-$3.');
}

const UNITS: ReadonlyArray<[string, number]> = [
  ['year', 365 * 24 * 60],
  ['week', 7 * 24 * 60],
  ['day', 24 * 60],
  ['hour', 60],
  ['minute', 1],
];

/** `1 week, 2 days, 0 hours, 5 minutes`: from the largest non-zero unit down to minutes. */
export function uptime(ms: number): string {
  let minutes = Math.max(0, Math.floor(ms / 60_000));
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const count = Math.floor(minutes / size);
    minutes -= count * size;
    if (count > 0 || parts.length > 0 || unit === 'minute') parts.push(`${count} ${unit}${count === 1 ? '' : 's'}`);
  }
  return parts.join(', ');
}

/** A serial number that stays the same for a device name. */
function boardId(name: string): string {
  let hash = 7;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) as number)) % 100_000_000;
  return `FTX${String(hash).padStart(8, '0')}`;
}

const TYPE_LABELS: ReadonlyArray<[string, string]> = [
  ['TenGigabitEthernet', 'Ten Gigabit Ethernet'],
  ['GigabitEthernet', 'Gigabit Ethernet'],
  ['FastEthernet', 'FastEthernet'],
  ['Serial', 'Serial'],
];

/** `3 Gigabit Ethernet interfaces`, one line per type of port in the config. */
function interfaceCounts(device: LabDevice): string[] {
  const ports = device.running
    .filter((node) => node.text.startsWith('interface '))
    .map((node) => node.text.slice('interface '.length))
    .filter((name) => isPhysicalInterface(name));
  return TYPE_LABELS.flatMap(([type, label]) => {
    const count = ports.filter((name) => name.startsWith(type)).length;
    return count === 0 ? [] : [`${count} ${label} interface${count === 1 ? '' : 's'}`];
  });
}
