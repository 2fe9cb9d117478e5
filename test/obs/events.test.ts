import { afterEach, describe, expect, it } from 'vitest';
import { createEventBus, type DeviceEvent } from '../../src/obs/events.js';
import { MASK, registerSecret, resetRedaction } from '../../src/obs/redact.js';
import type { LogEntry } from '../../src/store/types.js';

afterEach(() => resetRedaction());

describe('createEventBus', () => {
  it('delivers typed events until unsubscribed', () => {
    const bus = createEventBus();
    const seen: DeviceEvent[] = [];
    const off = bus.on('device', (e) => seen.push(e));
    bus.emit('device', { deployment: 'd-1', device: 'core-1', status: 'running' });
    off();
    bus.emit('device', { deployment: 'd-1', device: 'core-1', status: 'succeeded' });
    expect(seen).toEqual([{ deployment: 'd-1', device: 'core-1', status: 'running' }]);
    expect(bus.listenerCount('device')).toBe(0);
  });

  it('keeps event types apart', () => {
    const bus = createEventBus();
    const statuses: string[] = [];
    bus.on('deployment', (e) => statuses.push(`${e.id}:${e.status}`));
    bus.emit('device', { deployment: 'd-1', device: 'core-1', status: 'running' });
    bus.emit('deployment', { id: 'd-1', status: 'succeeded' });
    expect(statuses).toEqual(['d-1:succeeded']);
  });

  it('redacts payloads before listeners see them', () => {
    registerSecret('L0ginS3cret');
    const bus = createEventBus();
    const got: unknown[] = [];
    bus.on('device', (e) => got.push(e));
    bus.on('log', (e) => got.push(e));
    bus.emit('device', { deployment: 'd-1', device: 'core-1', status: 'failed', message: 'auth L0ginS3cret rejected' });
    const entry: LogEntry = { time: 't', level: 'info', category: 'deploy', message: 'ok', details: { line: 'enable secret Xyz12345' } };
    bus.emit('log', entry);
    const text = JSON.stringify(got);
    expect(text).not.toContain('L0ginS3cret');
    expect(text).not.toContain('Xyz12345');
    expect(text).toContain(MASK);
  });

  it('isolates a throwing listener from the emitter and the other listeners', () => {
    const errors: unknown[] = [];
    const bus = createEventBus({ onListenerError: (err) => errors.push(err) });
    const seen: string[] = [];
    bus.on('deployment', () => {
      throw new Error('client gone');
    });
    bus.on('deployment', (e) => seen.push(e.id));
    expect(() => bus.emit('deployment', { id: 'd-2', status: 'running' })).not.toThrow();
    expect(seen).toEqual(['d-2']);
    expect(errors).toHaveLength(1);
  });
});
