// The config archive and the rollback-confirmed change of IOS: `configure terminal revert timer`
// archives the running config to flash and arms a timer on the device clock; unless `configure
// confirm` comes first, expiry puts the archived config back (IOS logs
// %ARCHIVE_DIFF-5-ROLLBK_CNFMD_CHNG_ROLLBACK; the lab has no log to print it to).

import { loadConfig, type LabDevice } from '../../device/lab-device.js';
import type { ExecResult } from '../contracts.js';
import { printed, type ExecRequest } from './exec-command.js';

/** IOS keeps this many archive slots unless `maximum` says otherwise. */
const ARCHIVE_SLOTS = 10;
const DEFAULT_ARCHIVE_PATH = 'flash:archive';

/** The name in `flash` of a `flash:NAME` location; undefined for other file systems. */
export function flashFileName(location: string): string | undefined {
  const match = /^flash:\/?(.+)$/.exec(location);
  return match?.[1];
}

/** `archive` / ` path X` of the running config (`$h` is the host name), or IOS's usual path. */
function archivePath(device: LabDevice): string {
  const archive = device.running.find((node) => node.text === 'archive');
  const path = archive?.children.find((child) => child.text.startsWith('path '))?.text.slice('path '.length);
  return (path ?? DEFAULT_ARCHIVE_PATH).replaceAll('$h', device.hostname());
}

/** Saves the running config as the next archive file; returns its name (`flash:archive-1`). */
export function archiveRunningConfig(device: LabDevice): string {
  const name = `${archivePath(device)}-${device.archive.length + 1}`;
  device.flash.set(flashFileName(name) ?? name, device.runningConfigBody());
  device.archive.push(name);
  return name;
}

/** Arms (or re-arms) the rollback to `archive` in `minutes`. */
export function armRevert(device: LabDevice, archive: string, minutes: number, user: string): void {
  device.pendingRevert?.timer.cancel();
  const timer = device.clock.setTimer(minutes * 60_000, () => revertNow(device, user));
  device.pendingRevert = { archive, timer };
}

/** `configure confirm`: keeps the changes; false when no rollback was armed. */
export function confirmChange(device: LabDevice): boolean {
  const pending = device.pendingRevert;
  if (!pending) return false;
  pending.timer.cancel();
  device.pendingRevert = undefined;
  return true;
}

/** Timer expiry or `configure revert now`: the archived config replaces the running one. */
export function revertNow(device: LabDevice, user: string): void {
  const pending = device.pendingRevert;
  if (!pending) return;
  pending.timer.cancel();
  device.pendingRevert = undefined;
  const text = device.flash.get(flashFileName(pending.archive) ?? pending.archive);
  if (text !== undefined) loadRunningConfig(device, text, pending.archive, user);
}

/** The whole running config becomes `text` (what IOS's rollback amounts to); throws IosConfigError. */
export function loadRunningConfig(device: LabDevice, text: string, source: string, user: string): void {
  device.replaceRunning(loadConfig(text, source), user);
}

export const NO_PENDING_CHANGE = '%No Rollback Confirmed Change pending';

/** `show archive`: the slots in use, the newest marked, and the name the next archive gets. */
export function showArchive({ device }: ExecRequest): ExecResult {
  const slots = Array.from({ length: ARCHIVE_SLOTS }, (_, i) => `   ${i + 1}`);
  // Past the last slot IOS starts over at slot 1, overwriting the oldest archive.
  device.archive.forEach((name, index) => {
    const slot = index % ARCHIVE_SLOTS;
    const newest = index === device.archive.length - 1 ? ' <- Most Recent' : '';
    slots[slot] = `${`   ${slot + 1}`.padEnd(12)}${name}${newest}`;
  });
  return printed(
    `The maximum archive configurations allowed is ${ARCHIVE_SLOTS}.`,
    `The next archive file will be named ${archivePath(device)}-${device.archive.length + 1}`,
    ' Archive #  Name',
    ...slots,
  );
}
