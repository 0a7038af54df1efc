import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createSecretBox, loadDataKeyRing, RESIDENT_COOKIE } from '@linju/auth';
import { openResidentSession } from '@linju/core';
import { connect, eq, freePort, schema, withTenant } from '@linju/db';
import { runningEmbeddedPostgres } from '@linju/db/embedded';
import { startStack, stopStack, treeRss } from './bench-stack.ts';

/** A demo resident with a matter in Xuhui (王秀英): the follow pages are hers. */
const DEMO_RESIDENT_PHONE = '13916605012';

/** One GET accepting gzip: the time to the last byte, and the bytes on the wire. */
function get(
  url: string,
  cookie?: string,
): Promise<{ ms: number; status: number; wire: number; body: Buffer; encoding: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(
      url,
      { headers: { 'accept-encoding': 'gzip', 'accept-language': 'zh-CN', ...(cookie ? { cookie } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            ms: performance.now() - started,
            status: res.statusCode ?? 0,
            wire: body.length,
            body,
            encoding: String(res.headers['content-encoding'] ?? 'identity'),
          });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

/** p50/p95 of the time to the last byte over `iterations` sequential requests, after a warm-up. */
export async function measure(url: string, iterations: number, cookie?: string) {
  for (let i = 0; i < 20; i++) await get(url, cookie);
  const times: number[] = [];
  let last = await get(url, cookie);
  if (last.status !== 200) throw new Error(`${url} answered ${last.status}`);
  for (let i = 0; i < iterations; i++) {
    last = await get(url, cookie);
    times.push(last.ms);
  }
  times.sort((a, b) => a - b);
  // The HTML is not compressed by the server (a proxy in front does it): its gzip size is what a
  // phone receives behind one; a static file comes precompressed, as sent.
  const plain = last.encoding === 'gzip' ? gunzipSync(last.body) : last.body;
  const gzip = last.encoding === 'gzip' ? last.wire : gzipSync(plain).length;
  return {
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    bytes: plain.length,
    gzip,
    encoding: last.encoding,
  };
}

/**
 * The cookie of a resident who proved `phone` in the demo district, as the verify page would set
 * it: the session opened in the stack's own database (the SMS round trip is not what is measured).
 */
async function residentCookie(dataDir: string, phone: string): Promise<string> {
  const database = runningEmbeddedPostgres(dataDir);
  if (!database) throw new Error('the stack holds no PostgreSQL');
  const owner = connect(database.ownerUrl);
  try {
    const [district] = await owner.db.select().from(schema.tenant).where(eq(schema.tenant.slug, 'xuhui'));
    if (!district) throw new Error('no demo district');
    const box = createSecretBox(loadDataKeyRing(dataDir, {}));
    const { token } = await withTenant(owner.db, district.id, (tx) =>
      openResidentSession(tx, box, district.id, phone, new Date()),
    );
    return `${RESIDENT_COOKIE}=${token}`;
  } finally {
    await owner.close();
  }
}

export type PublicSiteBench = Awaited<ReturnType<typeof benchPublicSite>>;

/**
 * The residents' public site as a phone asks for it, on `linju start` with the demo district:
 * the home page, a service page and a resident's matter (the site's case page, signed in with the
 * resident's session), server-rendered, against a static file of the same server
 * (the admin build's stylesheet) as the baseline of this run; the stack's resident memory after.
 */
export async function benchPublicSite(iterations = 300) {
  const dir = mkdtempSync(join(tmpdir(), 'linju-bench-public-'));
  const port = await freePort();
  const child = await startStack(dir, port);
  try {
    const base = `http://127.0.0.1:${port}`;
    const home = `${base}/t/xuhui/public`;
    const html = (await get(home)).body.toString('utf8');
    const stylesheet = /href="(\/assets\/[^"]+\.css)"/.exec(html)?.[1];
    if (!stylesheet) throw new Error('the home page links no stylesheet');
    const pages = [
      { page: 'baseline: static stylesheet', url: `${base}${stylesheet}` },
      { page: 'public home', url: home },
      { page: 'service page (consultation)', url: `${home}/services/consultation` },
    ];
    // A resident's matter page (the site's case page), with her session as the browser holds it.
    const cookie = await residentCookie(dir, DEMO_RESIDENT_PHONE);
    const matters = (await get(`${home}/follow`, cookie)).body.toString('utf8');
    const matter = /href="(\/t\/xuhui\/public\/follow\/[0-9a-f-]{36})"/.exec(matters)?.[1];
    if (!matter) throw new Error('the demo resident has no matter to follow');
    const rows = [];
    for (const { page, url } of pages) rows.push({ page, ...(await measure(url, iterations)) });
    rows.push({
      page: "a resident's matter (case page)",
      ...(await measure(`${base}${matter}`, iterations, cookie)),
    });
    const baseline = rows[0]?.p50 ?? 1;
    const rest = treeRss(child.pid as number);
    return { iterations, rows: rows.map((row) => ({ ...row, ratio: row.p50 / baseline })), rss: rest.rss };
  } finally {
    await stopStack(child);
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printPublicSite(result: PublicSiteBench) {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  process.stdout.write(
    `\nResidents' public site (${result.iterations} sequential GETs each; time to last byte; ratio of p50 against the baseline)\n`,
  );
  for (const row of result.rows) {
    process.stdout.write(
      `  ${row.page.padEnd(33)} p50 ${row.p50.toFixed(1).padStart(6)} ms  p95 ${row.p95.toFixed(1).padStart(6)} ms  ×${row.ratio.toFixed(1).padStart(5)}   ${String(row.bytes).padStart(7)} B, ${String(row.gzip).padStart(6)} B gzip\n`,
    );
  }
  process.stdout.write(
    `  stack resident memory after the run: ${mb(result.rss)}; peak RSS of the benchmark process: ${mb(process.resourceUsage().maxRSS * 1024)}\n`,
  );
}

// Alone: `node scripts/bench-public-site.ts`.
if (import.meta.main) printPublicSite(await benchPublicSite());
