import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@linju/db';
import { ensureTemporalCli, startTemporalDevServer, type TemporalDevServer } from '@linju/infra-temporal';
import { afterAll, describe, expect, inject, it } from 'vitest';

/**
 * SIGTERM stops the worker with its Temporal gone: the drain must not wait forever for pollers of a
 * frontend that died under it, so an orchestrator's stop never needs SIGKILL.
 */
const temporals: TemporalDevServer[] = [];
afterAll(async () => {
  for (const temporal of temporals) await temporal.stop();
});

describe('the worker on SIGTERM with Temporal gone', () => {
  it('exits 0 after its Temporal frontend died under it', async () => {
    const temporal = await startTemporalDevServer({ cli: ensureTemporalCli(), port: await freePort() });
    temporals.push(temporal);
    const child = spawn(process.execPath, [join(import.meta.dirname, 'main.ts')], {
      env: {
        ...process.env,
        DATABASE_APP_URL: inject('databaseUrl'),
        TEMPORAL_ADDRESS: temporal.address,
        LINJU_DATA_DIR: mkdtempSync(join(tmpdir(), 'linju-worker-shutdown-')),
        LINJU_DATA_KEY: inject('dataKey'),
        LINJU_WORKER_HEALTH_PORT: '',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const started = new Promise<void>((resolve, reject) => {
      const seen = (chunk: Buffer) => {
        output = (output + chunk).slice(-8000);
        if (output.includes('"event":"started"')) resolve();
      };
      child.stdout.on('data', seen);
      child.stderr.on('data', seen);
      child.once('exit', () => reject(new Error(`the worker exited before it started:\n${output}`)));
    });
    await started;

    temporal.process.kill('SIGKILL');
    await temporal.stop();
    child.kill('SIGTERM');
    expect(await exited, output).toBe(0);
  }, 120_000);
});
