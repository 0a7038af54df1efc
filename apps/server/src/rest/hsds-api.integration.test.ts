import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hsdsSchemaValidator } from './hsds-schema-validator.ts';
import { asDocumented } from './openapi-conformance.ts';
import { createOwnDatabase, startServerProcess } from './server-process.ts';

/**
 * The HSDS API of a real server process over HTTP, on the demo district (`linju seed`) and on a
 * district just onboarded with one service (`linju tenant create`): every object of every page of
 * every list, and every object on its own, validates against the official HSDS 3.0 schemas.
 */
const cli = join(import.meta.dirname, '..', '..', '..', 'cli', 'src', 'main.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'linju-hsds-'));
const validate = hsdsSchemaValidator();
let own: Awaited<ReturnType<typeof createOwnDatabase>>;
let server: Awaited<ReturnType<typeof startServerProcess>>;

/** The schema each list's objects are, by the list's name in the HSDS API. */
const LISTS = {
  services: 'service',
  organizations: 'organization',
  locations: 'location',
  service_at_locations: 'service_at_location',
  taxonomies: 'taxonomy',
  taxonomy_terms: 'taxonomy_term',
} as const;
type HsdsObject = { id: string } & Record<string, unknown>;
type Page = {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: HsdsObject[];
};

function linju(...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: {
        ...process.env,
        LINJU_DATA_DIR: dataDir,
        LINJU_DATA_KEY: inject('dataKey'),
        DATABASE_URL: own.ownerDatabaseUrl,
        DATABASE_APP_URL: own.databaseUrl,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`linju ${args[0]}: ${out}`))));
  });
}

const get = async (path: string) => {
  const response = await asDocumented('GET', `${server.url}${path}`, await fetch(`${server.url}${path}`));
  expect(response.status, path).toBe(200);
  return response.json();
};

/** Every object of a list, walking its pages as a crawler does, checking each page's counts. */
async function crawl(tenant: string, list: string, perPage: number): Promise<HsdsObject[]> {
  const objects: HsdsObject[] = [];
  for (let page = 1; ; page++) {
    const answer = (await get(`/api/v1/hsds/${tenant}/${list}?page=${page}&per_page=${perPage}`)) as Page;
    expect(answer).toMatchObject({ page_number: page, first_page: page === 1, size: answer.contents.length });
    expect(answer.size).toBeLessThanOrEqual(perPage);
    objects.push(...answer.contents);
    if (answer.last_page) {
      expect(answer).toMatchObject({ total_items: objects.length, total_pages: Math.max(1, page) });
      return objects;
    }
  }
}

beforeAll(async () => {
  own = await createOwnDatabase({
    databaseUrl: inject('databaseUrl'),
    ownerDatabaseUrl: inject('ownerDatabaseUrl'),
    temporalAddress: inject('temporalAddress'),
  });
  await linju('seed');
  const minimal = join(dataDir, 'futian.json');
  writeFileSync(
    minimal,
    JSON.stringify({
      slug: 'futian',
      nameZh: '福田区司法局',
      nameEn: 'Futian District Justice Bureau',
      divisionCode: '440304',
      services: ['consultation'],
      centre: { nameZh: '福田区公共法律服务中心', nameEn: 'Futian PLS Centre' },
      firstAdmin: { username: 'admin', displayName: '管理员', password: 'Futian-admin-pass-1' },
    }),
  );
  await linju('tenant', 'create', '--file', minimal);
  server = await startServerProcess(own, join(dataDir, 'server'), 'hsds-test');
}, 240_000);
afterAll(async () => {
  await server?.stop();
  await own?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe.each(['xuhui', 'futian'])('the HSDS API of %s', (tenant) => {
  it('validates every object of every page of every list, and each object alone, against HSDS 3.0', async () => {
    const errors: string[] = [];
    const ids = new Map<string, Set<string>>();
    for (const [list, object] of Object.entries(LISTS)) {
      const objects = await crawl(tenant, list, 2);
      expect(objects.length, list).toBeGreaterThan(0);
      ids.set(list, new Set(objects.map((o) => o.id)));
      expect(ids.get(list)?.size, `${list} ids are unique`).toBe(objects.length);
      for (const listed of objects) {
        errors.push(...validate(object, listed));
        errors.push(...validate(object, await get(`/api/v1/hsds/${tenant}/${list}/${listed.id}`)));
      }
    }
    expect(errors).toEqual([]);
    // Every reference points at an object the API serves.
    for (const sal of await crawl(tenant, 'service_at_locations', 50)) {
      expect(ids.get('services')).toContain(sal.service_id);
      expect(ids.get('locations')).toContain(sal.location_id);
    }
    for (const service of await crawl(tenant, 'services', 50)) {
      expect(ids.get('organizations')).toContain(service.organization_id);
    }
  });

  it('nests a service’s organization, where it is offered and its service type', async () => {
    const [first] = (await get(`/api/v1/hsds/${tenant}/services?per_page=1`)).contents as HsdsObject[];
    const service = await get(`/api/v1/hsds/${tenant}/services/${first?.id}`);
    expect(service.organization).toMatchObject({ id: service.organization_id });
    expect(service.service_at_locations.length).toBeGreaterThan(0);
    for (const sal of service.service_at_locations)
      expect(sal.location).toMatchObject({ id: sal.location_id });
    expect(service.attributes[0].taxonomy_term).toMatchObject({ id: service.attributes[0].taxonomy_term_id });
    expect(service.languages).toEqual([expect.objectContaining({ code: 'zh', service_id: service.id })]);
  });

  it('answers the whole catalogue in one document at the first export’s address, valid too', async () => {
    const bundle = await get(`/api/v1/catalogue/hsds?tenant=${tenant}`);
    const errors = Object.entries(LISTS).flatMap(([list, object]) =>
      (bundle[list] as unknown[]).flatMap((o) => validate(object, o)),
    );
    expect(errors).toEqual([]);
    expect(bundle.services.map((s: HsdsObject) => s.id)).toEqual(
      (await crawl(tenant, 'services', 200)).map((s) => s.id),
    );
  });
});

describe('the HSDS API’s paging, caching and refusals', () => {
  it('names its HSDS version and the document that defines it', async () => {
    expect(await get('/api/v1/hsds/xuhui')).toEqual({
      version: '3.0',
      openapi_url: `${server.url}/api/v1/openapi.json`,
    });
  });

  it('gives the demo district’s services the same ids on every export', async () => {
    const first = await crawl('xuhui', 'services', 200);
    const again = await crawl('xuhui', 'services', 200);
    expect(again.map((s) => s.id)).toEqual(first.map((s) => s.id));
    expect(first.every((s) => /^[0-9a-f-]{36}$/.test(s.id))).toBe(true);
  });

  it('answers past the last page with an empty page, as a crawler expects', async () => {
    const past = (await get('/api/v1/hsds/futian/services?page=99')) as Page;
    expect(past).toMatchObject({ page_number: 99, size: 0, empty: true, last_page: true, contents: [] });
  });

  it('lets any cache keep an answer and answers 304 to its ETag', async () => {
    const url = `${server.url}/api/v1/hsds/xuhui/services`;
    const first = await asDocumented('GET', url, await fetch(url));
    expect(first.headers.get('cache-control')).toBe('public, max-age=300');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await asDocumented(
      'GET',
      url,
      await fetch(url, { headers: { 'if-none-match': etag ?? '' } }),
    );
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('refuses what is not a page, an id or a district, naming the parameter', async () => {
    for (const [path, status, detail] of [
      ['/api/v1/hsds/xuhui/services?per_page=0', 400, /^per_page: /],
      ['/api/v1/hsds/xuhui/services?per_page=1000', 400, /^per_page: at most 200/],
      ['/api/v1/hsds/xuhui/services?page=first', 400, /^page: /],
      ['/api/v1/hsds/xuhui/services/legal-consultation', 400, /^id: /],
      ['/api/v1/hsds/xuhui/services/2ed6657d-e927-568b-95e1-2665a8aea6a2', 404, /services/],
      ['/api/v1/hsds/Xuhui/services', 400, /^tenant: /],
      ['/api/v1/hsds/nowhere/services', 404, /nowhere/],
      ['/api/v1/hsds/xuhui/programs', 404, /No route/],
    ] as const) {
      const refused = await fetch(`${server.url}${path}`);
      // A list HSDS has and Linju does not serve is in no operation; every other refusal is documented.
      if (!path.endsWith('/programs')) await asDocumented('GET', `${server.url}${path}`, refused);
      expect(refused.status, path).toBe(status);
      expect(refused.headers.get('content-type'), path).toBe('application/problem+json');
      expect((await refused.json()).detail, path).toMatch(detail);
    }
    const posted = await fetch(`${server.url}/api/v1/hsds/xuhui/services`, { method: 'POST' });
    expect(posted.status).toBe(405);
  });
});
