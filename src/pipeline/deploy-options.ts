// A deployment's options: the inventory's `settings.deploy`, with what the caller asked for on
// top (CLI flags, an API body). One place, so the CLI and the service cannot disagree.

import type { Settings } from '../config/inventory/index.js';
import type { DeployOptions } from './deploy.js';

export interface DeployOverrides {
  dryRun?: boolean;
  /** Can only turn the setting off: false disables automatic rollback. */
  autoRollback?: boolean;
  /** Can only turn the setting off: false skips `write memory`. */
  save?: boolean;
  confirmTimerMin?: number | null;
  canary?: number;
  batchSize?: string | null;
  maxFailures?: number;
}

export function deployOptionsFrom(settings: Settings, overrides: DeployOverrides = {}): DeployOptions {
  const d = settings.deploy;
  return {
    dryRun: overrides.dryRun === true,
    autoRollback: overrides.autoRollback !== false && d.auto_rollback,
    save: overrides.save !== false && d.save,
    confirmTimerMin: overrides.confirmTimerMin !== undefined ? overrides.confirmTimerMin : d.confirm_timer_min,
    canary: overrides.canary ?? d.canary,
    batchSize: overrides.batchSize !== undefined ? overrides.batchSize : d.batch_size,
    maxFailures: overrides.maxFailures ?? d.max_failures,
  };
}
