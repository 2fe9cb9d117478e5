// `catnet rollback --device D [--to latest|<backup-id>|deployment:<id>]`: shows what restoring
// the backup would send, asks (or takes --yes), restores it and checks the device converged.

import { createInterface } from 'node:readline/promises';
import { applyRollback, previewRollback, rollbackTarget } from '../../pipeline/rollback.js';
import { selectDevices } from '../../pipeline/targets.js';
import { ExitCode, InputError, type ExitCodeValue } from '../exit-codes.js';
import { formatPlanText } from '../format-plan.js';
import { redact } from '../../obs/redact.js';
import { withPipeline, type RunOptions } from './pipeline-run.js';

export interface RollbackCliOptions {
  device: string;
  to: string;
  yes?: boolean;
  save: boolean;
}

export async function runRollback(run: RunOptions, options: RollbackCliOptions, print: (text: string) => void, color: boolean): Promise<ExitCodeValue> {
  return withPipeline(run, async (ctx) => {
    const [device] = selectDevices(ctx.project.inventory, { devices: [options.device] });
    if (!device) throw new InputError(`no device "${options.device}"`);
    const backup = await rollbackTarget(ctx, device, options.to);
    const preview = await previewRollback(ctx, device, backup);
    print(`Rollback of ${device.name} to ${backup.id} (taken ${backup.takenAt}, ${backup.reason}${backup.deploymentId ? `, deployment ${backup.deploymentId}` : ''}):\n`);
    print(redact(formatPlanText(preview.plan, { color })));
    if (preview.plan.commands.length === 0) return ExitCode.ok;
    if (!options.yes) {
      if (!process.stdin.isTTY) throw new InputError('rollback needs a confirmation: run it on a terminal, or pass --yes');
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      const answer = await rl.question('Restore this backup? Type "yes" to go on: ').finally(() => rl.close());
      if (answer.trim().toLowerCase() !== 'yes') {
        print('Not rolled back.\n');
        return ExitCode.ok;
      }
    }
    const result = await applyRollback(ctx, device, backup, { save: options.save });
    print(result.ok ? `${device.name}: restored ${backup.id} (${result.applied.length} commands sent, device converged)\n` : `${device.name}: rollback failed: ${result.error}\n`);
    return result.ok ? ExitCode.ok : ExitCode.error;
  });
}
