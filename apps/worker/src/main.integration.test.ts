import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { expect, inject, it } from 'vitest';

type LogLine = { level: number; name: string; event?: string; taskQueue?: string; msg: string };

it('main.ts starts the worker, logs JSON lines, and exits 0 on SIGTERM', async () => {
  // Node 24 runs the TypeScript entry directly, as `pnpm --filter @linju/worker start` would.
  const child = spawn(process.execPath, [new URL('./main.ts', import.meta.url).pathname], {
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      DATABASE_APP_URL: inject('databaseUrl'),
      // Its own data folder and the run's key, as a deployment's worker has: nothing another test
      // leaves in the checkout's .data (keys, checkpoints) is read.
      LINJU_DATA_DIR: mkdtempSync(join(tmpdir(), 'linju-worker-main-')),
      LINJU_DATA_KEY: inject('dataKey'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const lines: LogLine[] = [];
  const started = new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const parsed = JSON.parse(line) as LogLine;
      lines.push(parsed);
      if (parsed.event === 'started') resolve();
    });
    exited.then(([code]) =>
      reject(new Error(`worker exited early (${code}): ${stderr}${JSON.stringify(lines.slice(-3))}`)),
    );
  });

  await started;
  child.kill('SIGTERM');
  const [code] = await exited;

  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(lines.find((l) => l.event === 'started')).toMatchObject({
    name: 'worker',
    taskQueue: 'linju-referrals',
  });
  // Before taking work it makes sure every active district has its schedules.
  expect(lines.find((l) => l.event === 'schedules')).toMatchObject({ tenants: expect.any(Number) });
  expect(lines.map((l) => l.event).filter(Boolean)).toEqual([
    'schedules',
    'started',
    'stopping',
    'shut down',
  ]);
});
