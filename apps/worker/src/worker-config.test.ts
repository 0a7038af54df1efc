import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkerConfig } from './worker-config.ts';

describe('readWorkerConfig', () => {
  it('defaults to a local Temporal and the default namespace', () => {
    expect(readWorkerConfig({ DATABASE_APP_URL: 'postgres://app@localhost/linju' })).toMatchObject({
      temporal: { address: '127.0.0.1:7233' },
      namespace: 'default',
      databaseUrl: 'postgres://app@localhost/linju',
    });
  });

  it("derives the node's id and public URL as the server does, so both name the same node", () => {
    expect(readWorkerConfig({ DATABASE_APP_URL: 'postgres://x', PORT: '3417' })).toMatchObject({
      publicUrl: 'http://localhost:3417',
      nodeId: 'localhost-3417',
    });
    expect(
      readWorkerConfig({
        DATABASE_APP_URL: 'postgres://x',
        LINJU_PUBLIC_URL: 'https://linju.example',
        LINJU_NODE_ID: 'xuhui-node',
        LINJU_DATA_DIR: '/srv/linju',
      }),
    ).toMatchObject({ publicUrl: 'https://linju.example', nodeId: 'xuhui-node', dataDir: '/srv/linju' });
  });

  it('serves health only when LINJU_WORKER_HEALTH_PORT is set, on loopback unless told, and refuses nonsense', () => {
    const db = { DATABASE_APP_URL: 'postgres://x' };
    expect(readWorkerConfig(db).health).toBeNull();
    expect(readWorkerConfig({ ...db, LINJU_WORKER_HEALTH_PORT: '9464' }).health).toEqual({
      port: 9464,
      host: '127.0.0.1',
    });
    expect(
      readWorkerConfig({ ...db, LINJU_WORKER_HEALTH_PORT: '0', LINJU_WORKER_HEALTH_HOST: '0.0.0.0' }).health,
    ).toEqual({ port: 0, host: '0.0.0.0' });
    expect(() => readWorkerConfig({ ...db, LINJU_WORKER_HEALTH_PORT: 'health' })).toThrow(
      "LINJU_WORKER_HEALTH_PORT must be a port number from 0 to 65535 (got 'health')",
    );
  });

  it('takes TEMPORAL_ADDRESS and TEMPORAL_NAMESPACE when set', () => {
    expect(
      readWorkerConfig({
        DATABASE_APP_URL: 'postgres://x',
        TEMPORAL_ADDRESS: 'temporal:7233',
        TEMPORAL_NAMESPACE: 'linju',
      }),
    ).toMatchObject({ temporal: { address: 'temporal:7233' }, namespace: 'linju' });
  });

  it('reconciles every 20 s unless LINJU_RECONCILE_INTERVAL_MS says otherwise, and refuses nonsense', () => {
    expect(readWorkerConfig({ DATABASE_APP_URL: 'postgres://x' }).reconcileIntervalMs).toBe(20_000);
    expect(
      readWorkerConfig({ DATABASE_APP_URL: 'postgres://x', LINJU_RECONCILE_INTERVAL_MS: '500' })
        .reconcileIntervalMs,
    ).toBe(500);
    expect(() =>
      readWorkerConfig({ DATABASE_APP_URL: 'postgres://x', LINJU_RECONCILE_INTERVAL_MS: 'soon' }),
    ).toThrow(/LINJU_RECONCILE_INTERVAL_MS must be a positive whole number/);
  });

  it('reads DATABASE_APP_URL from its secret file, and refuses the URL and its file both', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'linju-worker-')), 'database-app-url');
    writeFileSync(file, 'postgres://linju_app:pw@db/linju\n');
    expect(readWorkerConfig({ DATABASE_APP_URL_FILE: file }).databaseUrl).toBe(
      'postgres://linju_app:pw@db/linju',
    );
    expect(() => readWorkerConfig({ DATABASE_APP_URL: 'postgres://x', DATABASE_APP_URL_FILE: file })).toThrow(
      'Set DATABASE_APP_URL or DATABASE_APP_URL_FILE, not both.',
    );
  });

  it('refuses to start without DATABASE_APP_URL', () => {
    expect(() => readWorkerConfig({ DATABASE_APP_URL: ' ' })).toThrow(/DATABASE_APP_URL is not set/);
  });

  it('reaches Temporal over TLS with an API key when told, as the server does', () => {
    expect(
      readWorkerConfig({ DATABASE_APP_URL: 'postgres://x', TEMPORAL_TLS: 'on', TEMPORAL_API_KEY: 'k' })
        .temporal,
    ).toEqual({ address: '127.0.0.1:7233', tls: {}, apiKey: 'k' });
  });
});
