// The `interfaces` health check: every interface up/up before a change must still be up/up
// after it. The before-picture and the after-picture both come from `show ip interface brief`.

import type { CheckResult } from '../../store/types.js';

export const INTERFACE_BRIEF_COMMAND = 'show ip interface brief';

export interface InterfaceState {
  /** `up`, `down`, `administratively down`, `deleted`… as IOS prints it. */
  status: string;
  /** `up` or `down` (line protocol). */
  protocol: string;
}

/** Header of the table; everything before it (banners, blank lines) is ignored. */
const HEADER = /^\s*Interface\s+IP-Address\s+OK\?\s+Method\s+Status\s+Protocol\s*$/i;
/** Interface, address, OK?, method, then the status (may contain spaces) and the protocol. */
const ROW = /^(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(.+?)\s+(\S+)\s*$/;

/**
 * Interfaces by name from `show ip interface brief`. Output without the table's header is an
 * error: a check that parsed nothing must not pass by finding nothing down.
 */
export function parseInterfaceBrief(output: string): Map<string, InterfaceState> {
  const lines = output.split(/\r?\n/);
  const headerAt = lines.findIndex((line) => HEADER.test(line));
  if (headerAt < 0) {
    const last = lines.map((line) => line.trim()).filter(Boolean).pop() ?? '(no output)';
    throw new Error(`\`${INTERFACE_BRIEF_COMMAND}\`: no interface table in the output (last line: ${JSON.stringify(last.slice(0, 120))})`);
  }
  const interfaces = new Map<string, InterfaceState>();
  for (const line of lines.slice(headerAt + 1)) {
    const match = ROW.exec(line);
    if (!match) continue;
    const [, name = '', , , , status = '', protocol = ''] = match;
    interfaces.set(name, { status, protocol });
  }
  return interfaces;
}

function isUp(state: InterfaceState | undefined): boolean {
  return state !== undefined && state.status === 'up' && state.protocol === 'up';
}

/** Interfaces up/up before and not after (gone counts as down); new interfaces are ignored. */
export function interfacesStillUp(before: ReadonlyMap<string, InterfaceState>, after: ReadonlyMap<string, InterfaceState>): CheckResult {
  const wereUp = [...before].filter(([, state]) => isUp(state)).map(([name]) => name);
  const down = wereUp.filter((name) => !isUp(after.get(name)));
  if (down.length === 0) return { name: 'interfaces', ok: true, detail: `all ${wereUp.length} interface(s) up before the change are still up` };
  const described = down.map((name) => {
    const now = after.get(name);
    return now ? `${name} (now ${now.status}/${now.protocol})` : `${name} (gone)`;
  });
  return { name: 'interfaces', ok: false, detail: `went down after the change: ${described.join(', ')}` };
}
