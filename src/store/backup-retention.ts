// Which backups retention removes: beyond the newest `keepLast`, or older than `maxAgeDays`.
// The latest backup of a device is never removed: it is what a rollback falls back to.

export interface RetentionPolicy {
  keepLast?: number | null;
  maxAgeDays?: number | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The entries of `newestFirst` to delete (the first one never is). */
export function expiredBackups<T extends { takenAt: string }>(newestFirst: readonly T[], policy: RetentionPolicy, now: Date): T[] {
  const { keepLast, maxAgeDays } = policy;
  const cutoff = maxAgeDays == null ? undefined : now.getTime() - maxAgeDays * DAY_MS;
  return newestFirst.filter((backup, index) => {
    if (index === 0) return false;
    if (keepLast != null && index >= keepLast) return true;
    return cutoff !== undefined && Date.parse(backup.takenAt) < cutoff;
  });
}
