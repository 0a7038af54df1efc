import { PERMISSIONS } from '@linju/auth/permissions';
import { intakeCase } from '@linju/core';
import {
  createTestDistrict,
  TEST_KNOWLEDGE,
  TEST_PASSWORD,
  TEST_SERVICE,
  type TestDistrict,
  testKnowledgePlugin,
} from '@linju/core/testing';
import { actorOf } from '@linju/core/testing/test-actor';
import { migratePlugins, openPostgres, schema, withTenant } from '@linju/db';
import {
  createPluginRegistry,
  type LanguageModel,
  pluginMigrationSets,
  pluginRoleOf,
} from '@linju/plugin-sdk';
import { loadAssistantArticles } from '@linju/statutes/testing';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pluginRouters } from './plugin-procedures.ts';
import type { AppCaller } from './router.ts';
import { apiHarness } from './test-context.ts';
import { type ApiContext, createCallerFactory, router } from './trpc.ts';

/**
 * What the platform lends knowledge plugins, through a knowledge plugin of the tests mounted as the
 * API mounts the installed ones: procedures on any case of the district, and `ctx.knowledge`.
 */
const h = apiHarness();
const owner = openPostgres(inject('ownerDatabaseUrl'), { max: 1, onnotice: () => {} });
const registry = createPluginRegistry([testKnowledgePlugin], {
  platformPermissions: Object.keys(PERMISSIONS),
});
const knowledgeCallers = createCallerFactory(router(pluginRouters(registry, [])));

type Procedures = NonNullable<typeof testKnowledgePlugin.procedures>;
type KnowledgeCaller = {
  [TEST_KNOWLEDGE]: {
    ask(input: { caseId: string; question: string }): ReturnType<Procedures['ask']['run']>;
    note(input: { caseId: string; text: string }): ReturnType<Procedures['note']['run']>;
    lookup(input: {
      law: string;
      article: string;
      question: string;
    }): ReturnType<Procedures['lookup']['run']>;
  };
};
const codeOf = (e: unknown) => (e instanceof TRPCError ? `${e.code} ${e.message}` : String(e));

let a: TestDistrict;
let b: TestDistrict;
const as = async (district: TestDistrict, username: string, more: Partial<ApiContext> = {}) => {
  const { sessionToken } = await h.signIn(district.slug, username, TEST_PASSWORD, district.totpSecret);
  return {
    api: h.caller({ sessionToken }),
    knowledge: (knowledgeCallers(h.context({ sessionToken, ...more })) as unknown as KnowledgeCaller)[
      TEST_KNOWLEDGE
    ],
  };
};
const intake = (api: AppCaller, organisationId: string, serviceType = TEST_SERVICE) =>
  api.case.create({
    channel: 'walk-in',
    resident: { name: '孙强', phone: '13912345678' },
    serviceType,
    description: '楼上邻居装修噪音扰民',
    organisationId,
  });
const switchOn = (district: TestDistrict, organisationId: string) =>
  withTenant(h.db, district.tenantId, (tx) =>
    tx
      .insert(schema.serviceEnablement)
      .values({ tenantId: district.tenantId, organisationId, pluginId: TEST_KNOWLEDGE, enabled: true }),
  );
/** Receipt `days` before closing, closing `closedDaysAgo` days ago: a case's history, set for the median. */
const closedAfter = (caseId: string, days: number, closedDaysAgo = 1) =>
  owner`update "case" set received_at = now() - make_interval(days => ${closedDaysAgo + days}),
          closed_at = now() - make_interval(days => ${closedDaysAgo}) where id = ${caseId}`;

let onStationA: string;
let onStationB: string;
let ofB: string;

beforeAll(async () => {
  await migratePlugins(inject('ownerDatabaseUrl'), pluginMigrationSets(registry.plugins));
  await loadAssistantArticles(owner);
  a = await createTestDistrict(h.db, h.box, 'knowledge-a');
  b = await createTestDistrict(h.db, h.box, 'knowledge-b');
  // Switched on at station A (and so its room), nowhere else.
  await switchOn(a, a.organisations.stationA);
  const desk = (await as(a, 'desk')).api;
  onStationA = (await intake(desk, a.organisations.stationA)).id;
  onStationB = (await intake(desk, a.organisations.stationB)).id;
  ofB = (await intake((await as(b, 'desk')).api, b.organisations.centreId)).id;
  await owner`insert into test_knowledge_reference (tenant_id, title, summary) values
    (${a.tenantId}, '噪音', '装修噪音经调解约定施工时段'), (${a.tenantId}, '借款', '借款到期未还')`;
});
afterAll(async () => {
  await owner.end();
  await h.close();
});

describe('an any-case procedure', () => {
  it('works on a case of another service where the plugin is switched on at the case’s unit', async () => {
    const { knowledge, api } = await as(a, 'desk-a');
    const answer = await knowledge.ask({ caseId: onStationA, question: '噪音' });
    expect(answer.caseNumber).toBe((await api.case.get({ caseId: onStationA })).number);
  });

  it('puts its line on the case’s timeline, as a case procedure does', async () => {
    const { knowledge, api } = await as(a, 'desk-a');
    await knowledge.note({ caseId: onStationA, text: '已查阅相邻关系条文' });
    const page = await api.case.page({ caseId: onStationA });
    expect(page.case.timeline.map((event) => event.text)).toContain('已查阅相邻关系条文');
  });

  it('is refused on a case of a unit where the plugin is not switched on, in the user’s words', async () => {
    const { knowledge } = await as(a, 'desk');
    expect(await knowledge.ask({ caseId: onStationB, question: '噪音' }).catch(codeOf)).toBe(
      'FORBIDDEN plugin.switched_off_at_case',
    );
  });

  it('is refused to someone without the permission’s carrier on the case: it is not theirs to see', async () => {
    // Station B's desk officer holds case.read and case.handle at station B only.
    const { knowledge } = await as(a, 'desk-b');
    expect(await knowledge.ask({ caseId: onStationA, question: '噪音' }).catch(codeOf)).toBe(
      'NOT_FOUND case.not_found',
    );
    expect(await knowledge.note({ caseId: onStationA, text: '越权' }).catch(codeOf)).toBe(
      'NOT_FOUND case.not_found',
    );
  });

  it('is refused on a case of another district as if there were none', async () => {
    const { knowledge } = await as(b, 'desk');
    expect(await knowledge.ask({ caseId: onStationA, question: '噪音' }).catch(codeOf)).toMatch(
      /^NOT_FOUND /,
    );
    expect(await knowledge.ask({ caseId: ofB, question: '噪音' }).catch(codeOf)).toBe(
      'FORBIDDEN plugin.switched_off_at_case',
    );
  });
});

describe('a knowledge service', () => {
  it('takes no case in, though switched on at the unit', async () => {
    const desk = await actorOf(h.db, a.tenantId, a.people.deskA);
    const taken = withTenant(h.db, a.tenantId, (tx) =>
      intakeCase(
        tx,
        desk,
        h.box,
        {
          channel: 'walk-in',
          resident: { name: '孙强', phone: '13912345678' },
          serviceType: TEST_KNOWLEDGE,
          description: '想查法条',
          organisationId: a.organisations.stationA,
        },
        registry,
      ),
    );
    await expect(taken).rejects.toMatchObject({ message: 'case.service_type_invalid', field: 'serviceType' });
  });
});

describe('ctx.knowledge', () => {
  it('answers from the statute library: a search, one article, and each citation checked', async () => {
    const { knowledge } = await as(a, 'desk-a');
    const answer = await knowledge.ask({
      caseId: onStationA,
      question: '邻居噪音扰民：《民法典》第二百九十四条，还是《民法典》第九千条？',
    });
    expect(answer.articles.some((article) => article.text.includes('噪声'))).toBe(true);
    expect(answer.loanArticle).toEqual({
      law: '中华人民共和国民法典',
      article: 675,
      label: '第六百七十五条',
      text: expect.stringContaining('借款人应当按照约定的期限返还借款'),
      status: 'current',
    });
    expect(answer.citations).toEqual([
      {
        written: '《民法典》第二百九十四条',
        index: 7,
        law: '中华人民共和国民法典',
        article: 294,
        verdict: 'valid',
      },
      { written: '《民法典》第九千条', index: 22, law: '民法典', article: 9000, verdict: 'missing' },
    ]);
  });

  it('finds similar reference cases through the knowledge plugin’s own source, read as its own role', async () => {
    const { knowledge } = await as(a, 'desk-a');
    const answer = await knowledge.ask({ caseId: onStationA, question: '楼上噪音' });
    expect(answer.similar).toEqual([
      {
        pluginId: TEST_KNOWLEDGE,
        id: expect.any(String),
        title: '噪音',
        summary: `装修噪音经调解约定施工时段（${pluginRoleOf(TEST_KNOWLEDGE)}）`,
        statutes: ['《民法典》第六百七十五条'],
        serviceType: TEST_SERVICE,
      },
    ]);
    expect(answer.model).toBe(false);
  });

  it('is lent to public procedures too: a resident’s page reads the library and the reference cases', async () => {
    const visitor = (knowledgeCallers(h.context({ tenantSlugHint: a.slug })) as unknown as KnowledgeCaller)[
      TEST_KNOWLEDGE
    ];
    const found = await visitor.lookup({ law: '劳动合同法', article: '38', question: '借款' });
    expect(found.article).toMatchObject({
      law: '中华人民共和国劳动合同法',
      article: 38,
      label: '第三十八条',
    });
    expect(found.similar.map((hit) => [hit.title, hit.summary])).toEqual([
      ['借款', `借款到期未还（${pluginRoleOf(TEST_KNOWLEDGE)}）`],
    ]);
  });

  it('lends the operator’s language model when the server gives the request one', async () => {
    const model: LanguageModel = { phrase: async () => ({ kind: 'unavailable' }) };
    const { knowledge } = await as(a, 'desk-a', { languageModel: model });
    expect((await knowledge.ask({ caseId: onStationA, question: '噪音' })).model).toBe(true);
  });

  it('lists the district’s services switched on, each with its median days over the last 12 months', async () => {
    const admin = (await h.signIn(a.slug, 'admin', TEST_PASSWORD, a.totpSecret)).api;
    for (const name of ['quick', 'rare']) {
      await admin.xService.create({
        organisationId: a.organisations.centreId,
        name,
        title: { 'zh-CN': `${name}服务`, en: `${name} service` },
        description: { 'zh-CN': '街道特色服务', en: 'A street’s own service' },
        form: [{ key: 'need', label: { 'zh-CN': '需求', en: 'Need' }, type: 'text', required: false }],
        deadlineWorkingDays: 5,
      });
    }
    const desk = (await as(a, 'desk')).api;
    const take = (service: string) => intake(desk, a.organisations.centreId, service).then((c) => c.id);
    // Five closed this year (median 6 days), and one closed over a year ago that no longer counts.
    for (const days of [2, 4, 6, 8, 10]) await closedAfter(await take('x-quick'), days);
    await closedAfter(await take('x-quick'), 90, 400);
    // Four are too few for a median.
    for (const days of [1, 2, 3, 4]) await closedAfter(await take('x-rare'), days);

    const { knowledge } = await as(a, 'desk-a');
    const { services } = await knowledge.ask({ caseId: onStationA, question: '噪音' });
    expect(services.find((service) => service.id === 'x-quick')).toEqual({
      id: 'x-quick',
      name: { 'zh-CN': 'quick服务', en: 'quick service' },
      description: { 'zh-CN': '街道特色服务', en: 'A street’s own service' },
      categories: [],
      medianDays: 6,
      applyPath: 'apply?service=x-quick',
    });
    expect(services.find((service) => service.id === 'x-rare')?.medianDays).toBeNull();
    // A knowledge plugin is no service a resident is offered.
    expect(services.map((service) => service.id)).not.toContain(TEST_KNOWLEDGE);
  });
});
