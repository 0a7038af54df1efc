import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgres } from '@linju/db';
import { statuteFixture } from '@linju/statutes/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { asDocumented } from './openapi-conformance.ts';
import { createOwnDatabase, startServerProcess } from './server-process.ts';

/**
 * The statute library over HTTP on a real server process, loaded by `linju statutes import` from a
 * small JSONL file into a database of the test's own (so it knows every law in it).
 */
const cli = join(import.meta.dirname, '..', '..', '..', 'cli', 'src', 'main.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'linju-statutes-'));
const fixture = statuteFixture('测试');
let own: Awaited<ReturnType<typeof createOwnDatabase>>;
let server: Awaited<ReturnType<typeof startServerProcess>>;

function linju(...args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: {
        ...process.env,
        LINJU_DATA_DIR: dataDir,
        DATABASE_URL: own.ownerDatabaseUrl,
        DATABASE_APP_URL: own.databaseUrl,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

const get = async (path: string) =>
  asDocumented('GET', `${server.url}${path}`, await fetch(`${server.url}${path}`));

beforeAll(async () => {
  own = await createOwnDatabase({
    databaseUrl: inject('databaseUrl'),
    ownerDatabaseUrl: inject('ownerDatabaseUrl'),
    temporalAddress: inject('temporalAddress'),
  });
  server = await startServerProcess(own, join(dataDir, 'server'), 'statutes-test');
}, 240_000);
afterAll(async () => {
  await server?.stop();
  await own?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('linju statutes import', () => {
  it('loads a JSONL file of articles, and loading it again changes nothing', async () => {
    const file = join(dataDir, 'statutes.jsonl');
    writeFileSync(file, fixture.jsonl);
    const owner = openPostgres(own.ownerDatabaseUrl, { max: 1, onnotice: () => {} });
    try {
      const first = await linju('statutes', 'import', file);
      expect(first.out).toContain('2 laws, 4 articles');
      expect(first).toMatchObject({ code: 0 });
      const library = () =>
        owner`select l.name, a.label, a.text, a.status from statute_article a join statute_law l on l.id = a.law_id order by 1, 2`;
      const before = await library();
      expect(before).toHaveLength(4);
      expect(await linju('statutes', 'import', file)).toMatchObject({ code: 0 });
      expect(await library()).toEqual(before);
    } finally {
      await owner.end();
    }
  });

  it('refuses a file with a bad line, naming the line and the field', async () => {
    const file = join(dataDir, 'bad.jsonl');
    writeFileSync(
      file,
      `${JSON.stringify(fixture.lines[0])}\n${JSON.stringify({ ...fixture.lines[1], status: '有效' })}\n`,
    );
    const refused = await linju('statutes', 'import', file);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('line 2: status: one of 现行有效, 已被修改, 已废止, 历史版本');
  });
});

describe('GET /api/v1/statutes', () => {
  it('answers a question with articles, those in force first, in the documented shape', async () => {
    const answer = await get(`/api/v1/statutes/search?q=${encodeURIComponent('朋友借钱不还怎么办')}&limit=5`);
    expect(answer.status).toBe(200);
    const { results } = (await answer.json()) as { results: { law: string; status: string }[] };
    expect(results[0]).toEqual({
      law: fixture.current.name,
      article: 1,
      text: '借款人应当按照约定的期限返还借款。',
      status: 'current',
    });
    expect(results.map((r) => r.status)).toEqual(['current', 'current', 'current', 'repealed']);
  });

  it('refuses a search without a question or with a limit out of range, in words', async () => {
    const none = await get('/api/v1/statutes/search');
    expect(none.status).toBe(400);
    expect((await none.json()).detail).toMatch(/^q: ask a question/);
    const tooMany = await get(`/api/v1/statutes/search?q=${encodeURIComponent('借款')}&limit=500`);
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).detail).toBe('limit: a whole number from 1 to 20');
    const spaces = await get('/api/v1/statutes/search?q=%00%20');
    expect(spaces.status).toBe(400);
    expect((await spaces.json()).detail).toMatch(/^q: ask a question/);
  });

  it('answers one article by full or short name, in digits or Chinese numerals', async () => {
    for (const path of [
      `${encodeURIComponent(fixture.current.name)}/1254`,
      `${encodeURIComponent('测试借贷法')}/${encodeURIComponent('第一千二百五十四条')}`,
    ]) {
      const answer = await get(`/api/v1/statutes/${path}`);
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({
        law: fixture.current.name,
        article: 1254,
        label: '第一千二百五十四条',
        text: '禁止从建筑物中抛掷物品。',
        status: 'current',
        lawStatus: 'current',
      });
    }
  });

  it('says which law or article it does not have, and which number it cannot read', async () => {
    const noArticle = await get(`/api/v1/statutes/${encodeURIComponent('测试借贷法')}/99`);
    expect(noArticle.status).toBe(404);
    expect((await noArticle.json()).detail).toBe(`${fixture.current.name} has no article 99`);
    const noLaw = await get(`/api/v1/statutes/${encodeURIComponent('虚构法')}/1`);
    expect(noLaw.status).toBe(404);
    expect((await noLaw.json()).detail).toBe('The library has no law named 虚构法');
    const badNumber = await get(`/api/v1/statutes/${encodeURIComponent('测试借贷法')}/abc`);
    expect(badNumber.status).toBe(404);
    expect((await badNumber.json()).detail).toBe(
      `${fixture.current.name} has no article "abc" (an article is 1254 or 第一千二百五十四条)`,
    );
  });

  it('only reads', async () => {
    const posted = await fetch(`${server.url}/api/v1/statutes/search?q=x`, { method: 'POST' });
    expect(posted.status).toBe(405);
  });
});
