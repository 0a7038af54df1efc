import { afterEach, describe, expect, it, vi } from 'vitest';
import { TEMPORAL_HEALTH_FRESH_MS, temporalHealth } from './temporal-health.ts';

/**
 * Temporal's gRPC health service as the check sees it: each call answers what `next` holds then.
 * `hang` is a Temporal that accepted the connection and never answers (a blackholed frontend).
 */
function frontend() {
  const state: { next: 'serving' | 'hang' | 'refuse'; checks: number } = { next: 'serving', checks: 0 };
  const connect = async () => ({
    withDeadline: <T>(_deadline: number, fn: () => Promise<T>) => fn(),
    healthService: {
      check: () => {
        state.checks += 1;
        if (state.next === 'hang') return new Promise<never>(() => {});
        if (state.next === 'refuse') return Promise.reject(new Error('UNAVAILABLE'));
        return Promise.resolve({ status: 1 });
      },
    },
    close: async () => {},
  });
  return { state, connect: connect as unknown as Parameters<typeof temporalHealth>[1] };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('temporalHealth', () => {
  it('answers the last known state at once while a newer check hangs: a readiness probe never waits on Temporal', async () => {
    vi.useFakeTimers();
    const { state, connect } = frontend();
    const health = temporalHealth({ address: 'temporal:7233' }, connect);
    expect(await health.healthy()).toBe(true);

    state.next = 'hang';
    vi.setSystemTime(Date.now() + TEMPORAL_HEALTH_FRESH_MS + 1);
    // Were it to wait for the hanging check, this await would never return.
    expect(await health.healthy()).toBe(true);
    expect(await health.healthy()).toBe(true);
    expect(state.checks).toBe(2);
  });

  it('reports Temporal down once a check finds it so, and up again after it returns', async () => {
    vi.useFakeTimers();
    const { state, connect } = frontend();
    const health = temporalHealth({ address: 'temporal:7233' }, connect);
    state.next = 'refuse';
    expect(await health.healthy()).toBe(false);

    state.next = 'serving';
    expect(await health.healthy()).toBe(false);
    vi.setSystemTime(Date.now() + TEMPORAL_HEALTH_FRESH_MS + 1);
    await health.healthy(); // starts the check, answers the last state
    await vi.waitFor(async () => expect(await health.healthy()).toBe(true));
  });
});
