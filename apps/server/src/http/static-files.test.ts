import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticFile } from './static-files.ts';

describe('staticFile', () => {
  const root = mkdtempSync(join(tmpdir(), 'static-'));
  writeFileSync(join(root, 'robots.txt'), 'User-agent: *');

  it('serves a built file by its percent-encoded name', () => {
    expect(staticFile(root, '/robot%73.txt')?.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  });

  it('leaves a path that is not valid percent-encoding to the app, instead of throwing', () => {
    expect(staticFile(root, '/%E0%A4%A')).toBeNull();
  });
});
