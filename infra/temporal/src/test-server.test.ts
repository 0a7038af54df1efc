import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ensureTemporalTestServer,
  TEMPORAL_TEST_SERVER_VERSION,
  temporalTestServerDir,
} from './test-server.ts';

describe('ensureTemporalTestServer', () => {
  let cache: string;
  beforeEach(() => {
    cache = mkdtempSync(join(tmpdir(), 'linju-test-server-'));
    vi.stubEnv('XDG_CACHE_HOME', cache);
    vi.stubEnv('TEMPORAL_TEST_SERVER', '');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    rmSync(cache, { recursive: true, force: true });
  });

  it('takes TEMPORAL_TEST_SERVER, and names it when it is no executable', () => {
    const launcher = join(cache, 'mine');
    writeFileSync(launcher, '#!/bin/sh\n');
    vi.stubEnv('TEMPORAL_TEST_SERVER', launcher);
    expect(() => ensureTemporalTestServer()).toThrow(
      `TEMPORAL_TEST_SERVER=${launcher} is not an executable file.`,
    );
    chmodSync(launcher, 0o755);
    expect(ensureTemporalTestServer()).toBe(launcher);
  });

  it('answers the cached launcher of the pinned version without fetching again', () => {
    const dir = temporalTestServerDir();
    expect(dir).toBe(join(cache, 'linju', `temporal-test-server-${TEMPORAL_TEST_SERVER_VERSION}`));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'temporal-test-server'), '#!/bin/sh\n', { mode: 0o755 });
    const progress = vi.fn();
    expect(ensureTemporalTestServer(progress)).toBe(join(dir, 'temporal-test-server'));
    expect(progress).not.toHaveBeenCalled();
  });
});
