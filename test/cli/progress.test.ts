import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../src/obs/events.js';
import { attachProgress } from '../../src/cli/progress.js';

describe('deploy progress on a terminal', () => {
  it('draws a line per device and redraws the block in place as statuses change', () => {
    const events = createEventBus();
    let out = '';
    const stream = { columns: 80, write: (text: string) => ((out += text), true) } as unknown as NodeJS.WriteStream;
    const detach = attachProgress(events, ['core-1', 'access-1'], stream);
    expect(out).toBe('\x1b[2K  · core-1    pending\n\x1b[2K  · access-1  pending\n');
    out = '';
    events.emit('device', { deployment: 'd-1', device: 'core-1', status: 'running' });
    events.emit('device', { deployment: 'd-1', device: 'core-1', status: 'rolled_back', message: '`interface Gi0/9` refused' });
    events.emit('device', { deployment: 'd-1', device: 'other', status: 'running' });
    detach();
    events.emit('device', { deployment: 'd-1', device: 'access-1', status: 'succeeded' });
    const frames = out.split('\x1b[2F');
    expect(frames).toHaveLength(3);
    expect(frames[2]).toBe('\x1b[2K  ↺ core-1    rolled_back  `interface Gi0/9` refused\n\x1b[2K  · access-1  pending\n');
  });
});
