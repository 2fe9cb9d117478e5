// `catnet history [--limit N] [--device D] [--json]`, `catnet history show <id>`, and
// `catnet logs [--deployment ID] [--device D] [--level L] [--follow]`: what the store recorded.

import { openProject } from '../../config/project.js';
import { redact } from '../../obs/redact.js';
import { redactForOutput } from '../../obs/redact-value.js';
import type { Store } from '../../store/store.js';
import { openCliStore } from './open-store.js';
import type { LogEntry, LogLevel } from '../../store/types.js';
import { ExitCode, InputError, type ExitCodeValue } from '../exit-codes.js';
import { formatTable } from '../table.js';
import type { ProjectCliOptions } from './project-options.js';

type Print = (text: string) => void;

async function withStore<T>(project: ProjectCliOptions, work: (store: Store) => Promise<T> | T): Promise<T> {
  const { inventory } = await openProject({ configFile: project.config, keyFile: project.keyFile });
  const store = openCliStore(inventory.settings.paths.state);
  try {
    return await work(store);
  } finally {
    store.close();
  }
}

export function runHistory(project: ProjectCliOptions, options: { limit: string; device?: string; json?: boolean }, print: Print): Promise<ExitCodeValue> {
  const limit = Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new InputError(`--limit must be a whole number ≥ 1, not "${options.limit}"`);
  return withStore(project, (store) => {
    const list = store.history.listDeployments({ limit, device: options.device });
    if (options.json) print(`${JSON.stringify(redactForOutput(list.map(({ plan: _plan, ...rest }) => rest)), null, 2)}\n`);
    else if (list.length === 0) print('no deployments yet\n');
    else print(redact(formatTable(['DEPLOYMENT', 'STATUS', 'STARTED', 'BY', 'SUMMARY'], list.map((d) => [d.id, d.status, d.startedAt ?? d.createdAt, d.actor, d.summary ?? '']))));
    return ExitCode.ok;
  });
}

export function runHistoryShow(project: ProjectCliOptions, id: string, options: { json?: boolean }, print: Print): Promise<ExitCodeValue> {
  return withStore(project, (store) => {
    const deployment = store.history.getDeployment(id);
    if (!deployment) throw new InputError(`no deployment ${id} (see \`catnet history\`)`);
    const results = store.history.deviceResults(id);
    if (options.json) {
      print(`${JSON.stringify(redactForOutput({ ...deployment, devices: results }), null, 2)}\n`);
      return ExitCode.ok;
    }
    const lines = [
      `Deployment ${deployment.id}: ${deployment.status}`,
      `  by ${deployment.actor}, from ${deployment.source}`,
      `  created ${deployment.createdAt}${deployment.startedAt ? `, started ${deployment.startedAt}` : ''}${deployment.finishedAt ? `, finished ${deployment.finishedAt}` : ''}`,
      `  ${deployment.summary ?? ''}`,
      '',
    ];
    for (const r of results) {
      lines.push(`${r.device}: ${r.status}${r.error ? ` — ${r.error}` : ''}`);
      if (r.backupBefore) lines.push(`  backup before: ${r.backupBefore}${r.backupAfter ? `, after: ${r.backupAfter}` : ''}`);
      lines.push(`  commands: ${r.applied.length} of ${r.commands.length} applied`);
      for (const c of r.checks) lines.push(`  check ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
    }
    print(redact(`${lines.join('\n')}\n`));
    return ExitCode.ok;
  });
}

export interface LogsCliOptions {
  deployment?: string;
  device?: string;
  level?: LogLevel;
  category?: string;
  limit: string;
  follow?: boolean;
}

export function runLogs(project: ProjectCliOptions, options: LogsCliOptions, print: Print): Promise<ExitCodeValue> {
  return withStore(project, async (store) => {
    const query = { deployment: options.deployment, device: options.device, level: options.level, category: options.category };
    let last = 0;
    const show = (entries: LogEntry[]): void => {
      for (const e of entries) {
        last = Math.max(last, e.id ?? 0);
        print(redact(`${e.time} ${e.level.toUpperCase().padEnd(5)} ${e.category}${e.device ? ` ${e.device}` : ''}${e.deployment ? ` [${e.deployment}]` : ''}: ${e.message}\n`));
      }
    };
    const all = store.logs.query(query);
    show(all.slice(-Number(options.limit)));
    if (!options.follow) return ExitCode.ok;
    // Other processes write to the same database: poll it, as `tail -f` polls a file.
    await new Promise<void>((done) => {
      const timer = setInterval(() => show(store.logs.query({ ...query, afterId: last })), 500);
      process.once('SIGINT', () => {
        clearInterval(timer);
        done();
      });
    });
    return ExitCode.ok;
  });
}
