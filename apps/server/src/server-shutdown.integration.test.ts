import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@linju/db';
import { ensureTemporalCli, startTemporalDevServer, type TemporalDevServer } from '@linju/infra-temporal';
import { afterAll, describe, expect, inject, it } from 'vitest';

/**
 * SIGTERM stops the server with its Temporal gone: an orchestrator's stop must not need SIGKILL
 * after the Temporal frontend died under a running server (or was never reachable).
 */
const temporals: TemporalDevServer[] = [];
afterAll(async () => {
  for (const temporal of temporals) await temporal.stop();
});

async function startServer(temporalAddress: string) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'linju-shutdown-'));
  const child = spawn(process.execPath, [join(import.meta.dirname, 'main.ts')], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_APP_URL: inject('databaseUrl'),
      TEMPORAL_ADDRESS: temporalAddress,
      LINJU_DATA_DIR: dataDir,
      LINJU_DATA_KEY: inject('dataKey'),
      LINJU_PUBLIC_URL: base,
      LINJU_ADMIN_BUILD: join(dataDir, 'no-admin-build'),
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk) => (errors = (errors + chunk).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  /** Waits until the readiness answer sees Temporal `state` (it reports its last check, up to 5 s old). */
  const temporalSeen = async (state: 'up' | 'down'): Promise<void> => {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited:\n${errors}`);
      const ready = await fetch(`${base}/api/v1/health/ready`).then(
        (r) => r.json() as Promise<{ temporal?: string }>,
        () => null,
      );
      if (ready?.temporal === state) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  return {
    temporalSeen,
    /** SIGTERM, then the exit code; the test's own timeout is the only bound. */
    terminate: async () => {
      child.kill('SIGTERM');
      const code = await exited;
      return { code, errors };
    },
  };
}

describe('the server on SIGTERM with Temporal gone', () => {
  it('exits 0 after its Temporal frontend died under it', async () => {
    const temporal = await startTemporalDevServer({ cli: ensureTemporalCli(), port: await freePort() });
    temporals.push(temporal);
    const server = await startServer(temporal.address);
    await server.temporalSeen('up');
    temporal.process.kill('SIGKILL');
    await temporal.stop();
    await server.temporalSeen('down');
    expect(await server.terminate()).toMatchObject({ code: 0 });
  }, 120_000);

  it('exits 0 when its Temporal was never reachable', async () => {
    const server = await startServer(`127.0.0.1:${await freePort()}`);
    await server.temporalSeen('down');
    expect(await server.terminate()).toMatchObject({ code: 0 });
  }, 120_000);
});
