// In-process event bus for live progress (the CLI's progress lines now, the service's SSE
// later). Payloads are redacted on emit: a listener may forward them straight to a client.
import { EventEmitter } from 'node:events';
import type { DeploymentStatus, DeviceStatus, LogEntry } from '../store/types.js';
import { redact } from './redact.js';
import { redactRecord } from './redact-value.js';

export interface DeploymentEvent {
  id: string;
  status: DeploymentStatus;
}

export interface DeviceEvent {
  deployment: string;
  device: string;
  status: DeviceStatus;
  message?: string;
}

export interface CatNetEvents {
  deployment: DeploymentEvent;
  device: DeviceEvent;
  log: LogEntry;
}

export type EventType = keyof CatNetEvents;

export interface EventBus {
  /** Calls `fn` for every later `type` event; returns the unsubscribe. */
  on<K extends EventType>(type: K, fn: (event: CatNetEvents[K]) => void): () => void;
  emit<K extends EventType>(type: K, event: CatNetEvents[K]): void;
  listenerCount(type: EventType): number;
}

export interface EventBusOptions {
  /** A listener threw. Default: ignored, so a broken subscriber cannot stop a deployment. */
  onListenerError?: (error: unknown, type: EventType) => void;
}

const REDACT: { [K in EventType]: (event: CatNetEvents[K]) => CatNetEvents[K] } = {
  deployment: (e) => ({ ...e, id: redact(e.id) }),
  device: (e) => ({ ...e, deployment: redact(e.deployment), device: redact(e.device), ...(e.message === undefined ? {} : { message: redact(e.message) }) }),
  log: (e) => ({
    ...e,
    category: redact(e.category),
    message: redact(e.message),
    ...(e.device === undefined ? {} : { device: redact(e.device) }),
    ...(e.deployment === undefined ? {} : { deployment: redact(e.deployment) }),
    ...(e.job === undefined ? {} : { job: redact(e.job) }),
    ...(e.details === undefined ? {} : { details: redactRecord(e.details) }),
  }),
};

export function createEventBus(options: EventBusOptions = {}): EventBus {
  const emitter = new EventEmitter();
  // Each SSE client is a listener: no fixed limit, and no leak warning for a busy service.
  emitter.setMaxListeners(0);
  const onError = options.onListenerError ?? (() => {});
  return {
    on(type, fn) {
      const wrapped = (event: CatNetEvents[typeof type]): void => {
        try {
          fn(event);
        } catch (err) {
          onError(err, type);
        }
      };
      emitter.on(type, wrapped);
      return () => void emitter.off(type, wrapped);
    },
    emit(type, event) {
      if (emitter.listenerCount(type) === 0) return;
      emitter.emit(type, (REDACT[type] as (e: CatNetEvents[typeof type]) => CatNetEvents[typeof type])(event));
    },
    listenerCount: (type) => emitter.listenerCount(type),
  };
}
