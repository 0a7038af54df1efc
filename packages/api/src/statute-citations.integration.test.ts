import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@linju/core/testing';
import { openPostgres } from '@linju/db';
import { importStatutes, readStatutesJsonl } from '@linju/statutes';
import { statuteFixture } from '@linju/statutes/testing';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AppCaller } from './router.ts';
import { apiHarness } from './test-context.ts';

/** `statutes.checkCitations`: the case page's "核对法条引用", over the real statute library. */
const h = apiHarness();
const fixture = statuteFixture('核对');
let district: TestDistrict;
let desk: AppCaller;
let otherStation: AppCaller;
let caseId: string;
const codeOf = (e: unknown) => (e instanceof TRPCError ? e.code : String(e));
const NOTE =
  '依《核对借贷法》第一条应还款；另见《核对旧借贷法》第一条、《民法典》第九千条；受理费依《诉讼费用交纳办法》第十三条。';
const at = (written: string) => NOTE.indexOf(written);

beforeAll(async () => {
  const owner = openPostgres(inject('ownerDatabaseUrl'), { max: 1, onnotice: () => {} });
  await importStatutes(owner, readStatutesJsonl(fixture.jsonl));
  await owner.end();
  district = await createTestDistrict(h.db, h.box, 'statute-citations');
  ({ api: desk } = await h.signIn(district.slug, 'desk', TEST_PASSWORD));
  ({ api: otherStation } = await h.signIn(district.slug, 'desk-b', TEST_PASSWORD));
  ({ id: caseId } = await desk.case.create({
    channel: 'walk-in',
    organisationId: district.organisations.centreId,
    serviceType: 'undecided',
    description: '朋友借款两万元不还',
    resident: { name: '赵六', phone: '13900002222' },
  }));
  await desk.case.addNote({ caseId, text: '已电话联系当事人' });
  await desk.case.addNote({ caseId, text: NOTE });
});
afterAll(() => h.close());

describe('statutes.checkCitations', () => {
  it('marks each citation of the timeline’s texts, leaving out entries citing nothing', async () => {
    const { timeline } = await desk.case.get({ caseId });
    const cited = timeline.find((e) => e.text === NOTE);
    expect(await desk.statutes.checkCitations({ caseId })).toEqual([
      {
        seq: cited?.seq,
        citations: [
          {
            written: '《核对借贷法》第一条',
            index: at('《核对借贷法》'),
            law: fixture.current.name,
            article: 1,
            verdict: 'valid',
          },
          {
            written: '《核对旧借贷法》第一条',
            index: at('《核对旧借贷法》'),
            law: fixture.repealed.name,
            article: 1,
            verdict: 'repealed',
          },
          {
            written: '《民法典》第九千条',
            index: at('《民法典》'),
            law: '民法典',
            article: 9000,
            verdict: 'missing',
          },
          {
            written: '《诉讼费用交纳办法》第十三条',
            index: at('《诉讼费用交纳办法》'),
            law: '诉讼费用交纳办法',
            article: 13,
            verdict: 'valid',
          },
        ],
      },
    ]);
  });

  it('is refused to whoever may not read the case, as the case itself is', async () => {
    const refusal = await otherStation.case.get({ caseId }).catch(codeOf);
    expect(refusal).not.toBe(undefined);
    expect(await otherStation.statutes.checkCitations({ caseId }).catch(codeOf)).toBe(refusal);
  });
});
