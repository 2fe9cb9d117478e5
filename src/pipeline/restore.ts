// Putting a device back to a known config (a backup): the engine's remediation from what the
// device runs now to the backup, pushed like any plan, then checked for convergence. Used by
// automatic rollback after a failed change and by `catnet rollback`.

import type { IosDriver } from '../device/ios-driver.js';
import { existingSectionsOfText, renderDeviceCommands } from '../ios/index.js';
import type { PipelineContext } from './context.js';
import { errorMessage } from './errors.js';
import { computePlan } from './plan.js';

export interface RestoreResult {
  ok: boolean;
  /** The commands sent (as typed). */
  commands: string[];
  applied: string[];
  error?: string;
}

export async function restoreConfig(ctx: Pick<PipelineContext, 'project'>, driver: IosDriver, target: string): Promise<RestoreResult> {
  try {
    const running = await driver.getRunningConfig();
    const plan = computePlan(ctx, running, target, 'backup');
    const commands = renderDeviceCommands(plan.commands);
    if (plan.commands.length === 0) return { ok: true, commands, applied: [] };
    const push = await driver.pushConfig(plan.commands, { existingSections: existingSectionsOfText(running) });
    if (!push.ok) return { ok: false, commands, applied: push.applied, error: `restore push stopped: ${push.error?.message ?? push.failed?.reason ?? 'refused'}` };
    const left = computePlan(ctx, await driver.getRunningConfig(), target, 'backup').commands.length;
    if (left > 0) return { ok: false, commands, applied: push.applied, error: `after the restore, ${left} command${left === 1 ? '' : 's'} still differ from the backup` };
    return { ok: true, commands, applied: push.applied };
  } catch (error) {
    return { ok: false, commands: [], applied: [], error: errorMessage(error) };
  }
}
