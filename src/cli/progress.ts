// Live progress of a deployment on a terminal: one line per device, redrawn in place as its
// status changes (waiting → running → succeeded / rolled_back / …). Elsewhere (CI, pipes) the
// log lines on stderr say the same, one per step.

import type { EventBus } from '../obs/events.js';

const SYMBOL: Record<string, string> = { pending: '·', running: '…', succeeded: '✓', unchanged: '=', dry_run: '○', failed: '✗', rolled_back: '↺', rollback_failed: '✗', stale: '!', skipped: '-', interrupted: '✗' };

export function attachProgress(events: EventBus, devices: readonly string[], stream: NodeJS.WriteStream): () => void {
  const status = new Map(devices.map((d) => [d, { state: 'pending', message: '' }]));
  const width = Math.max(...devices.map((d) => d.length), 6);
  let drawn = 0;
  const draw = (): void => {
    const columns = stream.columns ?? 100;
    const lines = [...status].map(([device, s]) => `  ${SYMBOL[s.state] ?? '?'} ${device.padEnd(width)}  ${s.state}${s.message ? `  ${s.message}` : ''}`.slice(0, columns - 1));
    // Back to the first line of the block, then rewrite every line of it.
    stream.write(`${drawn > 0 ? `\x1b[${drawn}F` : ''}${lines.map((line) => `\x1b[2K${line}\n`).join('')}`);
    drawn = lines.length;
  };
  draw();
  return events.on('device', (event) => {
    if (!status.has(event.device)) return;
    status.set(event.device, { state: event.status, message: event.status === 'running' ? '' : (event.message ?? '') });
    draw();
  });
}
