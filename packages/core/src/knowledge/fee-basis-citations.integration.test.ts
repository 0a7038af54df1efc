import { connect, openPostgres } from '@linju/db';
import { litigationFee, resolutionPaths } from '@linju/litigation-fee';
import { loadAssistantArticles } from '@linju/statutes/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { statuteLibrary } from '../plugins/statute-library.ts';

/**
 * What the assistant cites when it compares the ways to resolve a dispute checks as valid: the laws
 * against the real library, 《诉讼费用交纳办法》 against the articles the fee calculator encodes.
 */
const app = connect(inject('databaseUrl'));
const statutes = statuteLibrary(app.db);

beforeAll(async () => {
  const owner = openPostgres(inject('ownerDatabaseUrl'), { max: 1, onnotice: () => {} });
  await loadAssistantArticles(owner);
  await owner.end();
});
afterAll(() => app.close());

describe('the fee’s basis and the resolution paths’ bases, checked', () => {
  it('are every one valid', async () => {
    const bases = [
      ...resolutionPaths({ kind: 'labour', simplified: true }).map((p) => p.basis),
      litigationFee({ kind: 'enforcement', amount: 1 }).basis,
      litigationFee({ kind: 'divorce' }).basis,
    ];
    const checks = await statutes.checkCitations(bases.join('；'));
    expect(checks.map((c) => `${c.written} ${c.verdict}`)).toEqual([
      '《诉讼费用交纳办法》第十三条 valid',
      '《人民调解法》第四条 valid',
      '《人民调解法》第三十三条 valid',
      '《诉讼费用交纳办法》第八条 valid',
      '《劳动争议调解仲裁法》第五十三条 valid',
      '《诉讼费用交纳办法》第十四条 valid',
      '《诉讼费用交纳办法》第十三条 valid',
    ]);
  });

  it('reads the same article the library answers for the people’s mediation path', async () => {
    expect((await statutes.article('人民调解法', 4))?.text).toBe(
      '人民调解委员会调解民间纠纷，不收取任何费用。',
    );
  });
});
