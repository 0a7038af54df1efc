import { connect, openPostgres } from '@linju/db';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { checkCitations } from './check-citations.ts';
import { findArticle } from './find-article.ts';
import { importStatutes } from './import-statutes.ts';
import { readStatutesJsonl } from './read-statutes-jsonl.ts';
import { searchStatutes } from './search-statutes.ts';
import { statuteFixture } from './testing/statute-fixture.ts';

const owner = openPostgres(inject('ownerDatabaseUrl'), { max: 1, onnotice: () => {} });
const app = connect(inject('databaseUrl'));
afterAll(async () => {
  await owner.end();
  await app.close();
});

const fixture = statuteFixture('图书馆');
const ids = [fixture.current.id, fixture.repealed.id];

const libraryRows = async () => ({
  laws: await owner`select * from statute_law where id = any(${ids}) order by id`,
  articles: await owner`select * from statute_article where law_id = any(${ids}) order by law_id, seq`,
  terms: await owner`select term, law_id, seq from statute_term where law_id = any(${ids}) order by 1, 2, 3`,
});

describe('the statute library', () => {
  it('imports a corpus, and importing it again leaves the same library', async () => {
    const corpus = readStatutesJsonl(fixture.jsonl);
    expect(await importStatutes(owner, corpus)).toMatchObject({ laws: 2, articles: 4 });
    const first = await libraryRows();
    expect(first.laws.map((l) => [l.name, l.short_name, l.status])).toEqual([
      ['中华人民共和国图书馆借贷法', '图书馆借贷法', 'current'],
      ['中华人民共和国图书馆旧借贷法', '图书馆旧借贷法', 'repealed'],
    ]);
    expect(first.terms.length).toBeGreaterThan(10);

    await importStatutes(owner, corpus);
    expect(await libraryRows()).toEqual(first);
  });

  it('is read by the app role, which cannot write it', async () => {
    await importStatutes(owner, readStatutesJsonl(fixture.jsonl));
    await expect(
      app.db.execute(`delete from statute_law where id = '${fixture.current.id}'`),
    ).rejects.toMatchObject({ cause: { code: '42501' } }); // insufficient_privilege
  });

  it('ranks an article in force above a repealed one that matches the question better', async () => {
    await importStatutes(owner, readStatutesJsonl(fixture.jsonl));
    const hits = await searchStatutes(app.db, '图书馆借贷法 朋友借钱不还怎么办', 50);
    const current = hits.findIndex((h) => h.law === fixture.current.name && h.article === 1);
    const repealed = hits.findIndex((h) => h.law === fixture.repealed.name);
    expect(current).toBeGreaterThanOrEqual(0);
    expect(repealed).toBeGreaterThan(current);
    expect(hits[0]?.status).not.toBe('repealed');
  });

  it('finds an article by full or short name and by its number in digits or Chinese', async () => {
    await importStatutes(owner, readStatutesJsonl(fixture.jsonl));
    for (const [law, number] of [
      ['中华人民共和国图书馆借贷法', '1254'],
      ['图书馆借贷法', '第一千二百五十四条'],
      ['《图书馆借贷法》', '第1254条'],
    ] as const) {
      expect(await findArticle(app.db, law, number)).toEqual({
        found: 'article',
        article: {
          law: '中华人民共和国图书馆借贷法',
          article: 1254,
          label: '第一千二百五十四条',
          text: '禁止从建筑物中抛掷物品。',
          status: 'current',
          lawStatus: 'current',
        },
      });
    }
    expect(await findArticle(app.db, '图书馆借贷法', '第九条')).toEqual({
      found: 'no-article',
      law: '中华人民共和国图书馆借贷法',
      article: 9,
    });
    expect(await findArticle(app.db, '没有这部法', '1')).toEqual({ found: 'no-law', law: '没有这部法' });
  });

  it('marks each citation of a text as valid, repealed or missing', async () => {
    await importStatutes(owner, readStatutesJsonl(fixture.jsonl));
    const verdicts = await checkCitations(
      app.db,
      '依据《图书馆借贷法》第一条、《图书馆旧借贷法》第一条、《图书馆借贷法》第九条和《虚构法》第三条。',
    );
    expect(verdicts.map((v) => [v.written, v.verdict])).toEqual([
      ['《图书馆借贷法》第一条', 'valid'],
      ['《图书馆旧借贷法》第一条', 'repealed'],
      ['《图书馆借贷法》第九条', 'missing'],
      ['《虚构法》第三条', 'missing'],
    ]);
  });

  it('checks a law the platform holds outside the library against the articles it holds', async () => {
    const known = [{ law: '诉讼费用交纳办法', article: 13 }];
    const verdicts = await checkCitations(
      app.db,
      '《诉讼费用交纳办法》第十三条、《诉讼费用交纳办法》第九十条、《图书馆借贷法》第一条',
      known,
    );
    expect(verdicts.map((v) => [v.written, v.verdict])).toEqual([
      ['《诉讼费用交纳办法》第十三条', 'valid'],
      ['《诉讼费用交纳办法》第九十条', 'missing'],
      ['《图书馆借贷法》第一条', 'valid'],
    ]);
    // Without it, the library alone knows no such law.
    expect((await checkCitations(app.db, '《诉讼费用交纳办法》第十三条'))[0]?.verdict).toBe('missing');
  });
});
