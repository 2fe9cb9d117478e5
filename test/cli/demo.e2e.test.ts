// `catnet demo` (the README's main job) runs the whole loop on its own lab and says so.

import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../support/run-cli.js';

describe('catnet demo', () => {
  it('validates, plans, deploys, rolls back a refused change, rolls back by hand, shows history, and exits 0', async () => {
    const result = await runCliAsync(['demo'], { env: { CATNET_MASTER_KEY: undefined, CATNET_MASTER_KEY_FILE: undefined, CATNET_CONFIG: undefined } });
    expect(result.stdout).toContain('── 1. Validate');
    expect(result.stdout).toMatch(/Plan: 3 devices, 2 to change, 1 unchanged\./);
    expect(result.stdout).toMatch(/Deployment d-\S+: succeeded/);
    expect(result.stdout).toMatch(/core-1\s+rolled_back\s+`interface GigabitEthernet0\/9` refused: % Invalid input/);
    expect(result.stdout).toMatch(/access-1: restored access-1\/\S+ \(\d+ commands sent, device converged\)/);
    expect(result.stdout).toContain('Demo complete: every step behaved as expected.');
    expect(result.status).toBe(0);
  });
});
