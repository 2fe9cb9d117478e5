// Prometheus metrics for deployments, backups and device health. Callers get small wrappers
// rather than the raw prom-client objects so that every label value goes through
// `sanitiseLabel`: a device name, reason or error kind can never carry a secret (or an
// unbounded string) into the exposition.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DeploymentStatus, DeviceStatus } from '../store/types.js';
import { redact } from './redact.js';

// Prometheus stores each distinct label value as its own series: long values cost memory and
// are never meaningful.
const MAX_LABEL_LENGTH = 64;

/** `value` fit for a metric label: redacted, single-line, bounded. */
export function sanitiseLabel(value: string): string {
  // Control characters would garble the exposition text; collapse them like whitespace.
  const clean = redact(value).replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();
  if (clean === '') return 'unknown';
  return clean.length > MAX_LABEL_LENGTH ? `${clean.slice(0, MAX_LABEL_LENGTH - 1)}…` : clean;
}

function sanitiseLabels<L extends string>(labels: Record<L, string>): Record<L, string> {
  const out = {} as Record<L, string>;
  for (const key of Object.keys(labels) as L[]) out[key] = sanitiseLabel(labels[key]);
  return out;
}

export interface LabelledCounter<L extends string, V extends string = string> {
  inc(labels: Record<L, V>, value?: number): void;
}

export interface DurationHistogram {
  observe(seconds: number): void;
  /** Starts timing; the returned function records the elapsed seconds and returns them. */
  startTimer(): () => number;
}

export interface LabelledGauge<L extends string> {
  set(labels: Record<L, string>, value: number): void;
}

export type BackupResult = 'created' | 'unchanged' | 'failed';

export interface Metrics {
  readonly registry: Registry;
  deploymentsTotal: LabelledCounter<'status', DeploymentStatus>;
  deviceDeploymentsTotal: LabelledCounter<'status', DeviceStatus>;
  deploymentDurationSeconds: DurationHistogram;
  /** `reason`: what triggered it (`verify_failed`, `push_failed`, `manual`…). */
  rollbacksTotal: LabelledCounter<'reason'>;
  backupsTotal: LabelledCounter<'result', BackupResult>;
  /** `kind`: `auth`, `timeout`, `refused`, `host_key`… */
  deviceConnectFailuresTotal: LabelledCounter<'kind'>;
  /** 1 while the device's circuit breaker is open (calls refused), 0 otherwise. */
  circuitOpen: { set(device: string, open: boolean): void };
  /** Prometheus exposition text of every metric in the registry. */
  text(): Promise<string>;
  readonly contentType: string;
}

// A deployment takes from seconds (one device, small change) to tens of minutes (a fleet in waves).
export const DURATION_BUCKETS = [1, 2, 5, 10, 30, 60, 120, 300, 600, 900, 1200, 1800];

function counter<L extends string, V extends string = string>(registry: Registry, name: string, help: string, label: L): LabelledCounter<L, V> {
  const metric = new Counter<L>({ name, help, labelNames: [label], registers: [registry] });
  return { inc: (labels, value = 1) => metric.inc(sanitiseLabels<L>(labels), value) };
}

export function createMetrics(registry: Registry = new Registry()): Metrics {
  const duration = new Histogram({
    name: 'catnet_deployment_duration_seconds',
    help: 'Wall-clock duration of a deployment, from start to final status.',
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const circuit = new Gauge<'device'>({
    name: 'catnet_circuit_open',
    help: 'Whether the circuit breaker for a device is open (1) or closed (0).',
    labelNames: ['device'],
    registers: [registry],
  });
  return {
    registry,
    deploymentsTotal: counter(registry, 'catnet_deployments_total', 'Deployments finished, by final status.', 'status'),
    deviceDeploymentsTotal: counter(registry, 'catnet_device_deployments_total', 'Per-device deployment results, by status.', 'status'),
    deploymentDurationSeconds: {
      observe: (seconds) => duration.observe(seconds),
      startTimer: () => {
        const end = duration.startTimer();
        return () => end();
      },
    },
    rollbacksTotal: counter(registry, 'catnet_rollbacks_total', 'Rollbacks performed, by reason.', 'reason'),
    backupsTotal: counter(registry, 'catnet_backups_total', 'Device config backups, by result.', 'result'),
    deviceConnectFailuresTotal: counter(registry, 'catnet_device_connect_failures_total', 'Failed device connections, by kind.', 'kind'),
    circuitOpen: { set: (device, open) => circuit.set({ device: sanitiseLabel(device) }, open ? 1 : 0) },
    text: () => registry.metrics(),
    contentType: registry.contentType,
  };
}

let defaults: Metrics | undefined;

/** The CLI process's metrics, created on first use (its own registry, not prom-client's global). */
export function defaultMetrics(): Metrics {
  defaults ??= createMetrics();
  return defaults;
}
