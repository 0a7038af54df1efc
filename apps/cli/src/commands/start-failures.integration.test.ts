import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort } from '@linju/db';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * What a newcomer sees when `linju start` cannot start: one line of cause and one of remedy,
 * never a stack trace, and nothing left running.
 */
const main = join(import.meta.dirname, '..', 'main.ts');

function start(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [main, 'start'], {
      env: { ...process.env, DATABASE_URL: '', TEMPORAL_ADDRESS: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const expectOneLineCause = (stderr: string, cause: RegExp, remedy: RegExp) => {
  const lines = stderr
    .trim()
    .split('\n')
    .filter((l) => !l.startsWith('{'));
  expect(lines[0]).toMatch(cause);
  expect(lines[1]).toMatch(remedy);
  expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
};

let blocker: Server | undefined;
afterAll(() => blocker?.close());

describe('linju start refuses clearly', () => {
  it('when the port is taken', async () => {
    blocker = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker?.once('listening', r));
    const port = (blocker.address() as { port: number }).port;
    const { code, stderr } = await start({
      PORT: String(port),
      LINJU_DATA_DIR: mkdtempSync(join(tmpdir(), 'linju-')),
    });
    expect(code).toBe(1);
    expectOneLineCause(stderr, new RegExp(`Port ${port} is already in use`), /PORT=\d+ npm start/);
  });

  it('when the data folder is corrupt', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'linju-'));
    mkdirSync(join(dataDir, 'postgres'));
    writeFileSync(join(dataDir, 'postgres', 'garbage'), 'not a cluster');
    const { code, stderr } = await start({ PORT: String(await freePort()), LINJU_DATA_DIR: dataDir });
    expect(code).toBe(1);
    expectOneLineCause(stderr, /is not a PostgreSQL data folder/, /Move it away/);
  });

  it('when no Temporal CLI can be found and Go is missing', async () => {
    const nodeOnly = dirname(process.execPath);
    const { code, stderr } = await start({
      PORT: String(await freePort()),
      LINJU_DATA_DIR: mkdtempSync(join(tmpdir(), 'linju-')),
      PATH: `${nodeOnly}:/usr/bin:/bin`,
      GOROOT: mkdtempSync(join(tmpdir(), 'no-go-')), // nor where go.dev's archive would be
      XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'cache-')),
      TEMPORAL_CLI: '',
    });
    expect(code).toBe(1);
    expectOneLineCause(stderr, /Go is not installed/, /Install Go/);
  });
});
