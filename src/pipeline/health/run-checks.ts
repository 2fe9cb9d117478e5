// Post-deploy health checks of one device, in a fixed order: reconnect, interfaces, each ping,
// each custom check. A check that throws is a failed check; every later check still runs.

import type { HealthChecks } from '../../config/inventory/types.js';
import { isDeviceError } from '../../device/errors.js';
import type { IosDriver } from '../../device/ios-driver.js';
import type { CheckResult } from '../../store/types.js';
import { customCheck } from './custom.js';
import { INTERFACE_BRIEF_COMMAND, interfacesStillUp, parseInterfaceBrief, type InterfaceState } from './interfaces.js';
import { pingCheck } from './ping.js';

/** What the checks compare against: taken before the change. */
export interface HealthBaseline {
  interfaces?: Map<string, InterfaceState>;
}

export interface RunHealthChecksInput {
  /** The session the change went through (still open). */
  driver: IosDriver;
  /** Opens a new session (not a pooled one): the reconnect check proves a fresh login works. */
  reconnect: () => Promise<IosDriver>;
  checks: HealthChecks;
  baseline: HealthBaseline;
}

/** The before-picture the enabled checks need; errors propagate (no baseline, no deploy). */
export async function captureBaseline(driver: IosDriver, checks: HealthChecks): Promise<HealthBaseline> {
  const baseline: HealthBaseline = {};
  if (checks.interfaces) baseline.interfaces = parseInterfaceBrief(await driver.show(INTERFACE_BRIEF_COMMAND));
  return baseline;
}

export async function runHealthChecks(input: RunHealthChecksInput): Promise<CheckResult[]> {
  const { driver, checks, baseline } = input;
  const results: CheckResult[] = [];
  if (checks.reconnect) results.push(await guard('reconnect', () => reconnectCheck(input.reconnect)));
  if (checks.interfaces) results.push(await guard('interfaces', () => interfacesCheck(driver, baseline)));
  for (const target of checks.ping) results.push(await guard(`ping ${target}`, () => pingCheck(driver, target)));
  for (const check of checks.custom) results.push(await guard(check.name, () => customCheck(driver, check)));
  return results;
}

async function reconnectCheck(reconnect: () => Promise<IosDriver>): Promise<CheckResult> {
  const session = await reconnect();
  try {
    if (!session.privileged) return { name: 'reconnect', ok: false, detail: 'a new session logged in but is not privileged' };
    return { name: 'reconnect', ok: true, detail: `a new session logged in and is privileged (${session.hostname}#)` };
  } finally {
    session.close();
  }
}

async function interfacesCheck(driver: IosDriver, baseline: HealthBaseline): Promise<CheckResult> {
  // Without a before-picture nothing can be compared: fail rather than pass on nothing.
  if (!baseline.interfaces) return { name: 'interfaces', ok: false, detail: 'no interface baseline was captured before the change' };
  const after = parseInterfaceBrief(await driver.show(INTERFACE_BRIEF_COMMAND));
  return interfacesStillUp(baseline.interfaces, after);
}

/** The check's result, or a failed result carrying the error (kind first for device errors). */
async function guard(name: string, check: () => Promise<CheckResult>): Promise<CheckResult> {
  try {
    return await check();
  } catch (error) {
    const detail = isDeviceError(error) ? `${error.kind}: ${error.message}` : error instanceof Error ? error.message : String(error);
    return { name, ok: false, detail };
  }
}
