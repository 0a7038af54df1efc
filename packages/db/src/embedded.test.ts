import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from './embedded.ts';

const listening: Server[] = [];
afterEach(async () => {
  await Promise.all(listening.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
    listening.push(server);
  });
}

describe('freePort', () => {
  it('gives a port that can be listened on, outside the range outgoing connections draw from', async () => {
    const port = await freePort();
    const ephemeralLow = Number(
      readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').split(/\s+/)[0],
    );
    expect(port).toBeLessThan(ephemeralLow);
    await expect(listen(port)).resolves.toBeDefined();
  });

  it('keeps the preferred port when it is free and picks another when it is taken', async () => {
    const preferred = await freePort();
    expect(await freePort(preferred)).toBe(preferred);
    await listen(preferred);
    const other = await freePort(preferred);
    expect(other).not.toBe(preferred);
    await expect(listen(other)).resolves.toBeDefined();
  });
});
