import { createServer } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { shutdownInOrder } from './shutdown-in-order.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('shutdownInOrder', () => {
  it('closes the HTTP server, then every step in order, even past one that never finishes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const order: string[] = [];
    const stopping = shutdownInOrder(
      server,
      [
        // A Temporal connection whose frontend is gone: its close never settles.
        {
          name: 'temporal',
          close: () => {
            order.push('temporal');
            return new Promise(() => {});
          },
        },
        { name: 'database', close: async () => void order.push('database') },
        {
          name: 'tracing',
          close: async () => {
            order.push('tracing');
            throw new Error('no collector');
          },
        },
      ],
      { drainMs: 5000, stepMs: 5000 },
    );
    await vi.waitFor(() => expect(order).toEqual(['temporal']));
    expect(server.listening).toBe(false);
    await vi.advanceTimersByTimeAsync(5000);
    expect(await stopping).toEqual(['temporal']);
    expect(order).toEqual(['temporal', 'database', 'tracing']);
  });
});
