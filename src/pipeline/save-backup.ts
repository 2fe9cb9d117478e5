// Every backup the pipeline takes goes through here: counted in the metrics, and a Git commit
// that failed (the backup itself is kept) is said in the log rather than lost.

import type { SaveBackup, SaveResult } from '../store/backups.js';
import type { PipelineContext } from './context.js';

export async function saveBackup(ctx: Pick<PipelineContext, 'backups' | 'metrics' | 'logger'>, request: SaveBackup): Promise<SaveResult> {
  const result = await ctx.backups.save(request);
  ctx.metrics.backupsTotal.inc({ result: result.created ? 'created' : 'unchanged' });
  if (result.commitError) ctx.logger.warn('backup', `backup ${result.backup.id} kept, but not committed to Git: ${result.commitError}`, { device: request.device });
  return result;
}
