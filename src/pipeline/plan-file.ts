// The plan as a file (`catnet plan --out plan.json`, `catnet deploy --plan plan.json`): what
// each device will be sent and what it was computed against, so that a deploy can refuse a
// device whose running config or intended config changed since. Commands are kept as typed,
// secrets included (they must reach the device), so the file is written 0600 and every
// display of it is redacted.

import { z } from 'zod';
import { writeFileAtomic } from '../store/atomic-file.js';
import { parseYamlText, readConfigText } from '../config/yaml-file.js';

const planCommand = z.object({ path: z.array(z.string()), text: z.string(), kind: z.enum(['add', 'remove', 'replace']), reason: z.string(), body: z.string().optional() });
const riskItem = z.object({ level: z.enum(['low', 'medium', 'high']), category: z.enum(['management', 'routing', 'interface_state', 'security', 'disruptive', 'general']), command: z.string(), path: z.array(z.string()), reason: z.string() });

export const devicePlanSchema = z.object({
  device: z.string(),
  /** `error`: the device could not be planned (unreachable, bad intended config…). */
  status: z.enum(['planned', 'error']),
  error: z.string().optional(),
  /** sha256 of the normalised running config the plan was computed against. */
  runningSha256: z.string().optional(),
  /** sha256 of the normalised intended config. */
  intendedSha256: z.string().optional(),
  intended: z.object({ kind: z.enum(['file', 'template']), path: z.string(), location: z.string() }).optional(),
  /** The backup taken when planning. */
  backupId: z.string().optional(),
  changes: z.boolean(),
  commands: z.array(planCommand),
  /** The commands as typed on the device, sections entered and left. */
  lines: z.array(z.string()),
  diff: z.string(),
  risk: z.object({ level: z.enum(['none', 'low', 'medium', 'high']), items: z.array(riskItem) }),
  stats: z.object({ add: z.number(), remove: z.number(), replace: z.number() }),
});

export const planFileSchema = z.object({
  version: z.literal(1),
  createdAt: z.string(),
  actor: z.string(),
  /** Where the intended configs came from (`configs/`, `github:owner/repo@ref:path`). */
  source: z.string(),
  /** The Git commit of a GitHub source. */
  commit: z.string().optional(),
  devices: z.array(devicePlanSchema),
});

export type DevicePlan = z.output<typeof devicePlanSchema>;
export type PlanFile = z.output<typeof planFileSchema>;

export async function writePlanFile(file: string, plan: PlanFile): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(plan, null, 2)}\n`);
}

/** A plan file, checked: a hand-edited or truncated file is refused with the field that is wrong. */
export async function readPlanFile(file: string): Promise<PlanFile> {
  // JSON is YAML: the YAML reader gives line numbers for every problem.
  return parseYamlText(await readConfigText(file), file, planFileSchema);
}

/** Devices with something to send. */
export function changedDevices(plan: PlanFile): DevicePlan[] {
  return plan.devices.filter((d) => d.status === 'planned' && d.changes);
}
