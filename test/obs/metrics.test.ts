import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics, defaultMetrics, sanitiseLabel } from '../../src/obs/metrics.js';
import { MASK, registerSecret, resetRedaction } from '../../src/obs/redact.js';

afterEach(() => resetRedaction());

const NAMES = [
  'catnet_deployments_total',
  'catnet_device_deployments_total',
  'catnet_deployment_duration_seconds',
  'catnet_rollbacks_total',
  'catnet_backups_total',
  'catnet_device_connect_failures_total',
  'catnet_circuit_open',
];

describe('createMetrics', () => {
  it('exposes every CatNet metric', async () => {
    const text = await createMetrics().text();
    for (const name of NAMES) expect(text).toContain(`# TYPE ${name} `);
  });

  it('counts with labels', async () => {
    const m = createMetrics();
    m.deploymentsTotal.inc({ status: 'succeeded' });
    m.deploymentsTotal.inc({ status: 'succeeded' });
    m.deviceDeploymentsTotal.inc({ status: 'rolled_back' }, 3);
    m.rollbacksTotal.inc({ reason: 'verify_failed' });
    m.backupsTotal.inc({ result: 'unchanged' });
    m.deviceConnectFailuresTotal.inc({ kind: 'timeout' });
    m.circuitOpen.set('core-1', true);
    m.circuitOpen.set('edge-1', false);
    m.deploymentDurationSeconds.observe(42);
    const text = await m.text();
    expect(text).toContain('catnet_deployments_total{status="succeeded"} 2');
    expect(text).toContain('catnet_device_deployments_total{status="rolled_back"} 3');
    expect(text).toContain('catnet_rollbacks_total{reason="verify_failed"} 1');
    expect(text).toContain('catnet_backups_total{result="unchanged"} 1');
    expect(text).toContain('catnet_device_connect_failures_total{kind="timeout"} 1');
    expect(text).toContain('catnet_circuit_open{device="core-1"} 1');
    expect(text).toContain('catnet_circuit_open{device="edge-1"} 0');
    expect(text).toContain('catnet_deployment_duration_seconds_bucket{le="60"} 1');
    expect(text).toContain('catnet_deployment_duration_seconds_bucket{le="1800"} 1');
    expect(text).toContain('catnet_deployment_duration_seconds_count 1');
  });

  it('times a deployment', async () => {
    const m = createMetrics();
    const end = m.deploymentDurationSeconds.startTimer();
    expect(end()).toBeGreaterThanOrEqual(0);
    expect(await m.text()).toContain('catnet_deployment_duration_seconds_count 1');
  });

  it('uses the registry it is given', async () => {
    const registry = new Registry();
    const m = createMetrics(registry);
    expect(m.registry).toBe(registry);
    expect(await registry.metrics()).toContain('catnet_backups_total');
  });

  it('keeps a registered secret out of every label', async () => {
    registerSecret('Sup3rS3cret');
    const m = createMetrics();
    m.deviceConnectFailuresTotal.inc({ kind: 'auth failed with Sup3rS3cret' });
    m.rollbacksTotal.inc({ reason: 'enable secret Other1234' });
    m.circuitOpen.set('Sup3rS3cret', true);
    const text = await m.text();
    expect(text).not.toContain('Sup3rS3cret');
    expect(text).not.toContain('Other1234');
    expect(text).toContain(`kind="auth failed with ${MASK}"`);
  });
});

describe('sanitiseLabel', () => {
  it('bounds length and flattens control characters', () => {
    expect(sanitiseLabel('x'.repeat(500)).length).toBe(64);
    expect(sanitiseLabel('a\nb\t\u0000c')).toBe('a b c');
    expect(sanitiseLabel('  ')).toBe('unknown');
  });
});

describe('defaultMetrics', () => {
  it('is one instance per process', () => {
    expect(defaultMetrics()).toBe(defaultMetrics());
  });
});
