import { randomBytes, randomInt } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { connect, eq, inArray, schema, type TenantTx, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Actor } from '../actor.ts';
import { rotateSealedValues } from '../keys/rotate-sealed-values.ts';
import { residentSearchTerms } from '../personal-data/search-terms.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { TEST_SERVICE } from '../testing/test-service.ts';
import { type CaseQuery, findCases } from './case-queries.ts';
import type { IntakeRequest } from './case-schemas.ts';
import { intakeCase } from './case-service.ts';
import { fillCaseSearchTerms } from './fill-case-search-terms.ts';

const app = connect(inject('databaseUrl'));
// The owner sees the stored columns as they are, and rebuilds tokens as the upgrade step does.
const owner = connect(inject('ownerDatabaseUrl'), { max: 1 });
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;
let deskA: Actor;
let deskB: Actor;
let headA: Actor;
let centreDesk: Actor;
const inTenant = <T>(fn: (tx: TenantTx) => Promise<T>) => withTenant(app.db, d.tenantId, fn);

const intake = (actor: Actor, resident: IntakeRequest['resident'], description: string, atB = false) =>
  inTenant((tx) =>
    intakeCase(tx, actor, box, {
      channel: 'walk-in',
      resident,
      serviceType: TEST_SERVICE,
      category: 'neighbours',
      description,
      organisationId: atB ? d.organisations.stationB : d.organisations.stationA,
    }),
  );
const search = (actor: Actor, query: CaseQuery) =>
  inTenant((tx) => findCases(tx, actor, box, query)).then((r) => r.cases.map((c) => c.id));

// Two residents share a phone ending (4862) across the two stations; none of the endings is in a
// case number (`XX-2026-0000nn`) or a description.
const OUYANG_NANA = { name: '欧阳娜娜', phone: '13957314862' };
const OUYANG_MING = { name: '欧阳明', phone: '13957319473' };
const LI_NA = { name: '李娜', phone: '13661984862' };
let nana: { id: string; number: string; residentId: string };
let ming: { id: string; number: string; residentId: string };
let liNa: { id: string; number: string; residentId: string };
let leak: { id: string; number: string; residentId: string };

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'case-search');
  deskA = await actorOf(app.db, d.tenantId, d.people.deskA);
  deskB = await actorOf(app.db, d.tenantId, d.people.deskB);
  headA = await actorOf(app.db, d.tenantId, d.people.headA);
  centreDesk = await actorOf(app.db, d.tenantId, d.people.desk);
  nana = await intake(deskA, { ...OUYANG_NANA, keyGroups: [] }, '邻居装修噪音持续到深夜');
  ming = await intake(deskA, { ...OUYANG_MING, keyGroups: [] }, '物业费争议');
  liNa = await intake(deskB, { ...LI_NA, keyGroups: [] }, '劳动报酬拖欠三个月', true);
  leak = await intake(deskA, { name: '赵先生', keyGroups: [] }, '楼上欧阳家漏水');
});
afterAll(async () => {
  await app.close();
  await owner.close();
});

describe("the desk's search box", () => {
  it("finds a case by two or more consecutive characters of the resident's name, and no other", async () => {
    expect(await search(headA, { term: '欧阳' })).toEqual([ming.id, nana.id]);
    expect(await search(headA, { term: '阳娜' })).toEqual([nana.id]);
    expect(await search(headA, { term: '欧阳娜娜' })).toEqual([nana.id]);
    expect(await search(headA, { term: '欧阳 明' })).toEqual([ming.id]);
    expect(await search(centreDesk, { term: '李娜' })).toEqual([liNa.id]);
    // Not consecutive, one character only (a surname alone is no search), a name nobody has.
    expect(await search(headA, { term: '欧娜' })).toEqual([]);
    expect(await search(centreDesk, { term: '娜' })).toEqual([]);
    expect(await search(centreDesk, { term: '王伟' })).toEqual([]);
  });

  it("finds a case by the last four or more digits of the resident's phone, not by fewer or by the middle", async () => {
    expect(await search(headA, { term: '9473' })).toEqual([ming.id]);
    expect(await search(headA, { term: '7319473' })).toEqual([ming.id]);
    expect(await search(headA, { term: OUYANG_NANA.phone })).toEqual([nana.id]);
    expect(await search(headA, { term: '473' })).toEqual([]);
    expect(await search(headA, { term: '5731' })).toEqual([]);
    expect(await search(headA, { term: '1234' })).toEqual([]);
  });

  it("keeps to the officer's units: another station's resident with the same ending or name is not found", async () => {
    expect(await search(headA, { term: '4862' })).toEqual([nana.id]);
    expect(await search(centreDesk, { term: '4862' })).toEqual([liNa.id, nana.id]);
    expect(await search(headA, { term: '李娜' })).toEqual([]);
    expect(await search(deskB, { term: '欧阳' })).toEqual([]);
  });

  it('finds a case by part of its number: the sequence, the year and sequence, in any case', async () => {
    const sequence = ming.number.split('-').at(-1) ?? '';
    expect(await search(headA, { term: sequence })).toEqual([ming.id]);
    expect(await search(headA, { term: ming.number.slice(ming.number.indexOf('-') + 1) })).toEqual([ming.id]);
    expect(await search(headA, { term: ming.number.toLowerCase() })).toEqual([ming.id]);
    expect(await search(centreDesk, { term: `${sequence.slice(0, -1)}9` })).toEqual([]);
  });

  it('finds a case by words of its description, two characters when they are no name, and narrows by the other filters', async () => {
    expect(await search(headA, { term: '装修噪音' })).toEqual([nana.id]);
    expect(await search(headA, { term: '噪音' })).toEqual([nana.id]);
    // Two characters that are a name are the name: no index would find them in descriptions.
    expect(await search(headA, { term: '漏水' })).toEqual([leak.id]);
    expect(await search(headA, { term: '欧阳' })).toEqual([ming.id, nana.id]);
    expect(await search(headA, { term: '欧阳家' })).toEqual([leak.id]);
    expect(await search(centreDesk, { term: '拖欠' })).toEqual([liNa.id]);
    expect(await search(headA, { term: '拖欠' })).toEqual([]);
    expect(await search(headA, { term: '欧阳', status: ['closed'] })).toEqual([]);
    expect(await search(headA, { term: '欧阳', text: '物业' })).toEqual([ming.id]);
  });

  it('pages through a term found by several ways at once, newest first, in either order', async () => {
    // An ending no case number holds (its first digit is 5–9: numbers run 2026-0000nn) nor another resident.
    let ending = '';
    while (!ending || [OUYANG_MING, OUYANG_NANA, LI_NA].some((r) => r.phone.endsWith(ending)))
      ending = `${randomInt(5, 10)}${String(randomInt(0, 1000)).padStart(3, '0')}`;
    const made: string[] = [];
    // Six of each: more than the first look-up (a page and one) of either way holds.
    for (let i = 0; i < 6; i++) {
      const phone = `1370${String(randomInt(0, 1000)).padStart(3, '0')}${ending}`;
      made.push(
        (await intake(deskA, { name: `钱${'一二三四五六'[i]}`, phone, keyGroups: [] }, '邻里纠纷')).id,
      );
      made.push((await intake(deskA, { name: '孙先生', keyGroups: [] }, `门牌${ending}号漏水，第${i}次`)).id);
    }
    const all = await search(headA, { limit: 200 });
    const newestFirst = all.filter((id) => made.includes(id));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await inTenant((tx) => findCases(tx, headA, box, { term: ending, limit: 3, cursor }));
      seen.push(...page.cases.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(newestFirst);
    const byDue = await inTenant((tx) =>
      findCases(tx, headA, box, { term: ending, sort: 'due', limit: 200 }),
    );
    expect(new Set(byDue.cases.map((c) => c.id))).toEqual(new Set(made));
    expect(byDue.cases.map((c) => `${c.dueOn}|${c.id}`)).toEqual(
      byDue.cases.map((c) => `${c.dueOn}|${c.id}`).sort(),
    );
  });
});

describe("the residents' search tokens", () => {
  const stored = () =>
    owner.db
      .select({
        id: schema.resident.id,
        tokens: schema.resident.searchTokens,
        key: schema.resident.searchTokensKey,
      })
      .from(schema.resident)
      .where(inArray(schema.resident.id, [nana.residentId, ming.residentId, liNa.residentId]));

  it('hold keyed hashes of the name and phone parts, never the name, the phone or a part of them', async () => {
    const rows = await stored();
    expect(rows).toHaveLength(3);
    for (const [row, resident] of [
      [rows.find((r) => r.id === nana.residentId), OUYANG_NANA],
      [rows.find((r) => r.id === ming.residentId), OUYANG_MING],
      [rows.find((r) => r.id === liNa.residentId), LI_NA],
    ] as const) {
      const expected = box.searchTokens(residentSearchTerms(resident), d.tenantId);
      expect(row?.key).toBe(expected.key);
      expect(row?.tokens).toEqual(expected.tokens);
      const plain = [...Array.from(resident.name), resident.phone.slice(-4), resident.phone.slice(-7)];
      for (const token of row?.tokens ?? []) {
        expect(token).toMatch(/^[\w-]{16}$/);
        for (const part of plain) expect(token).not.toContain(part);
      }
    }
  });

  it('are made by the upgrade step for a resident stored before them, which is then found', async () => {
    await owner.db
      .update(schema.resident)
      .set({ searchTokens: [], searchTokensKey: null })
      .where(eq(schema.resident.id, ming.residentId));
    expect(await search(headA, { term: '9473' })).toEqual([]);
    const { resealed } = await rotateSealedValues(owner.db, box, { tenantIds: [d.tenantId] });
    expect(resealed).toBe(1);
    expect(await search(headA, { term: '9473' })).toEqual([ming.id]);
    expect(await search(headA, { term: '阳明' })).toEqual([ming.id]);
  });
});

describe("search by the description's words", () => {
  const termsOf = async (caseId: string) =>
    (
      await owner.db
        .select({ terms: schema.legalCase.searchTerms })
        .from(schema.legalCase)
        .where(eq(schema.legalCase.id, caseId))
    )[0]?.terms;

  it('finds the text as written, starting or ending inside a word, never the same words in another order', async () => {
    expect(await search(headA, { text: '修噪音' })).toEqual([nana.id]);
    expect(await search(headA, { text: '装修噪' })).toEqual([nana.id]);
    expect(await search(headA, { text: '噪音持续到深夜' })).toEqual([nana.id]);
    expect(await search(headA, { text: '噪音装修' })).toEqual([]);
    expect(await search(centreDesk, { text: '报酬拖欠三个月' })).toEqual([liNa.id]);
  });

  it('finds a common topic among the newest cases and pages it, and an older case past them by its index', async () => {
    // A page of one asks for two matches: the newest 120 cases are read first (40 a match).
    const old = await intake(deskA, { name: '钱先生', keyGroups: [] }, '房屋漏水赔偿协商');
    for (let i = 0; i < 120; i++) await intake(deskA, { name: '孙女士', keyGroups: [] }, '婚姻家事咨询');
    const topic: string[] = [];
    for (let i = 0; i < 6; i++)
      topic.unshift((await intake(deskA, { name: '周先生', keyGroups: [] }, `邻里噪音纠纷第${i}件`)).id);
    const pages: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await inTenant((tx) =>
        findCases(tx, headA, box, { text: '邻里噪音纠纷', limit: 1, ...(cursor ? { cursor } : {}) }),
      );
      pages.push(...page.cases.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).toEqual(topic);
    expect(await search(headA, { text: '房屋漏水赔偿', limit: 1 })).toEqual([old.id]);
  });

  it('finds a case written without words (by the previous release) until the upgrade step gives it its words', async () => {
    expect(await termsOf(ming.id)).toContain("'物业费'");
    await owner.db
      .update(schema.legalCase)
      .set({ searchTerms: null })
      .where(eq(schema.legalCase.id, ming.id));
    expect(await search(headA, { text: '物业费' })).toEqual([ming.id]);
    expect(await fillCaseSearchTerms(owner.db)).toBeGreaterThanOrEqual(1);
    expect(await termsOf(ming.id)).toContain("'物业费'");
    expect(await search(headA, { text: '物业费' })).toEqual([ming.id]);
  });
});
