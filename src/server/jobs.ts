// Work the service runs in the background (deployments, rollbacks, scheduled jobs), tracked so
// that a shutdown can stop new work, tell running jobs to reach a safe point (a deployment
// starts no new device; devices in flight finish or roll back), and wait for them.

export type JobKind = 'deployment' | 'rollback' | 'backup' | 'drift';

interface RunningJob {
  kind: JobKind;
  abort: AbortController;
  done: Promise<void>;
}

export class ShuttingDownError extends Error {
  constructor() {
    super('the service is shutting down: no new jobs are started');
    this.name = 'ShuttingDownError';
  }
}

export class Jobs {
  private readonly running = new Map<string, RunningJob>();
  private stopping = false;

  /**
   * Starts `work` now, synchronously up to its first await (a deployment's record exists when
   * this returns), and returns without waiting; its failure is passed to `onError` (it must log it).
   */
  start(id: string, kind: JobKind, work: (signal: AbortSignal) => Promise<unknown>, onError: (error: unknown) => void): void {
    if (this.stopping) throw new ShuttingDownError();
    const abort = new AbortController();
    let started: Promise<unknown>;
    try {
      started = work(abort.signal);
    } catch (error) {
      started = Promise.reject(error);
    }
    const done = started
      .then(
        () => undefined,
        (error: unknown) => onError(error),
      )
      .finally(() => this.running.delete(id));
    this.running.set(id, { kind, abort, done });
  }

  get accepting(): boolean {
    return !this.stopping;
  }

  /** Ids of running jobs, of one kind or all. */
  ids(kind?: JobKind): string[] {
    return [...this.running].filter(([, job]) => kind === undefined || job.kind === kind).map(([id]) => id);
  }

  /** Refuses new jobs, asks running ones to stop at a safe point, and waits for all of them. */
  async drain(): Promise<void> {
    this.stopping = true;
    for (const job of this.running.values()) job.abort.abort();
    await Promise.all([...this.running.values()].map((job) => job.done));
  }
}
