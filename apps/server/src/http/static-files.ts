import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { Readable } from 'node:stream';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Encodings the admin build precompresses (`scripts/precompress.ts`), most compact first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** The encodings a request accepts: named with a non-zero q (`br;q=0` refuses brotli). */
function acceptedEncodings(header: string | null): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && (q === undefined || Number(q.slice(2)) > 0)) accepted.add(name);
  }
  return accepted;
}

function fileSize(path: string): number | null {
  try {
    const stat = statSync(path);
    return stat.isFile() ? stat.size : null;
  } catch {
    return null;
  }
}

/**
 * Serves the admin app's built client files; hashed assets are cached for a year. A precompressed
 * copy is sent when the request accepts its encoding, and `Vary` tells caches the answer depends on it.
 */
export function staticFile(
  root: string,
  pathname: string,
  acceptEncoding: string | null = null,
): Response | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null; // not valid percent-encoding, so no file's name: the app answers it
  }
  const relative = normalize(decoded).replace(/^(\.\.[/\\])+/, '');
  const file = join(root, relative);
  if (!file.startsWith(root)) return null;
  const size = fileSize(file);
  if (size === null) return null;
  const immutable = relative.startsWith('/assets/');
  const headers: Record<string, string> = {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
  };
  const accepted = acceptedEncodings(acceptEncoding);
  const encoded = ENCODINGS.map((e) => ({ ...e, size: fileSize(file + e.suffix) })).filter(
    (e) => e.size !== null,
  );
  if (encoded.length > 0) headers.vary = 'accept-encoding';
  const chosen = encoded.find((e) => accepted.has(e.name));
  const sent = chosen ? file + chosen.suffix : file;
  if (chosen) headers['content-encoding'] = chosen.name;
  headers['content-length'] = String(chosen?.size ?? size);
  return new Response(Readable.toWeb(createReadStream(sent)) as ReadableStream, { headers });
}
