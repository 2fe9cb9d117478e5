// The `ping <target>` health check: the device must still reach the target after the change.

import type { IosDriver } from '../../device/ios-driver.js';
import type { CheckResult } from '../../store/types.js';

const SUCCESS_RATE = /Success rate is (\d+) percent \((\d+)\/(\d+)\)/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
/** DNS labels only: the target goes into a command line, so nothing else may get through. */
const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
/** Five echoes at IOS's 2 s timeout each, plus ARP and name resolution. */
const PING_TIMEOUT_MS = 20_000;

/** An IPv4 address or a hostname token (no spaces, options or other commands). */
export function isValidPingTarget(target: string): boolean {
  const ipv4 = IPV4.exec(target);
  if (ipv4) return ipv4.slice(1).every((octet) => Number(octet) <= 255);
  // All-numeric dotted names that failed the IPv4 test are bad addresses, not hostnames.
  return HOSTNAME.test(target) && !/^[\d.]+$/.test(target);
}

export async function pingCheck(driver: IosDriver, target: string): Promise<CheckResult> {
  const name = `ping ${target}`;
  if (!isValidPingTarget(target)) return { name, ok: false, detail: `not an IPv4 address or hostname: ${JSON.stringify(target)}` };
  // `command`, not `show`: a `% Unrecognized host` is a failed ping, reported by its last line.
  const timeoutMs = Math.max(driver.timeouts.operationMs, PING_TIMEOUT_MS);
  const output = driver.redact(await driver.command(`ping ${target}`, { timeoutMs }));
  const rate = SUCCESS_RATE.exec(output);
  if (!rate) {
    const last = output.split(/\r?\n/).map((line) => line.trim()).filter(Boolean).pop() ?? '(no output)';
    return { name, ok: false, detail: `no success rate in the output; last line: ${last}` };
  }
  const [, percent, received, sent] = rate;
  return { name, ok: Number(percent) > 0, detail: `success rate ${percent}% (${received}/${sent})` };
}
