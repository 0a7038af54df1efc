import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
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

  describe('precompressed copies', () => {
    const script = 'export const greeting = "你好";\n'.repeat(200);
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'assets', 'app.js'), script);
    writeFileSync(join(root, 'assets', 'app.js.br'), brotliCompressSync(script));
    writeFileSync(join(root, 'assets', 'app.js.gz'), gzipSync(script));
    const body = async (r: Response | null) => Buffer.from(await (r as Response).arrayBuffer());

    it('sends brotli to a browser that accepts it, with its own length and Vary', async () => {
      const answer = staticFile(root, '/assets/app.js', 'gzip, deflate, br, zstd');
      expect(answer?.headers.get('content-encoding')).toBe('br');
      expect(answer?.headers.get('vary')).toBe('accept-encoding');
      expect(answer?.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      const bytes = await body(answer);
      expect(Number(answer?.headers.get('content-length'))).toBe(bytes.length);
      expect(bytes.length).toBeLessThan(Buffer.byteLength(script) / 10);
      expect(brotliDecompressSync(bytes).toString()).toBe(script);
    });

    it('falls back to gzip, and to the file itself, by what the request accepts', async () => {
      const gzip = staticFile(root, '/assets/app.js', 'gzip');
      expect(gzip?.headers.get('content-encoding')).toBe('gzip');
      expect(gunzipSync(await body(gzip)).toString()).toBe(script);
      const refused = staticFile(root, '/assets/app.js', 'br;q=0, gzip;q=0');
      expect(refused?.headers.get('content-encoding')).toBeNull();
      expect((await body(refused)).toString()).toBe(script);
      const none = staticFile(root, '/assets/app.js', null);
      expect(none?.headers.get('content-encoding')).toBeNull();
      expect(none?.headers.get('vary')).toBe('accept-encoding');
    });

    it('sends a file without copies as it is, with no Vary', () => {
      const answer = staticFile(root, '/robots.txt', 'br');
      expect(answer?.headers.get('content-encoding')).toBeNull();
      expect(answer?.headers.get('vary')).toBeNull();
    });
  });
});
