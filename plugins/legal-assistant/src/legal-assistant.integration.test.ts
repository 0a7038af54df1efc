import { sql } from '@linju/plugin-sdk';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type AppCaller,
  eq,
  failure,
  pluginHarness,
  schema,
  type TestDistrict,
} from '../../../packages/api/src/plugin-harness.ts';
import { importAssistantArticles } from './testing/import-assistant-articles.ts';

const h = pluginHarness();
let district: TestDistrict;
let admin: AppCaller;

const SERVICES = ['legal-assistant', 'mediation', 'consultation', 'legal-aid'];

beforeAll(async () => {
  ({ district, admin } = await h.district('assistant', { enable: SERVICES }));
  await importAssistantArticles({
    DATABASE_URL: inject('ownerDatabaseUrl'),
    DATABASE_APP_URL: inject('databaseUrl'),
  });
});
afterAll(() => h.close());

const kept = (id: string) =>
  h.asPlugin(district.tenantId, 'legal-assistant', (db) =>
    db.query<{ question: string; channel: string; services: string[]; case_id: string | null }>(
      sql`select question, channel, services, case_id from legal_assistant_question where id = ${id}`,
    ),
  );

describe('the legal assistant on the public site', () => {
  it('answers a resident with the articles, their citations verified, the services that fit and the court fee beside free mediation', async () => {
    const visitor = h.visitor(district);
    const { id } = await visitor['legal-assistant'].ask({ question: '朋友借钱不还怎么办，借了5万元' });
    const { answer } = await visitor['legal-assistant'].answer({ asked: id });
    expect(answer?.articles[0]).toMatchObject({
      citation: expect.stringMatching(/^《民法典》第.+条$/),
      verdict: 'valid',
      law: '中华人民共和国民法典',
      article: expect.any(Number),
    });
    const cited = answer?.answer['zh-CN'].citations ?? [];
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.every((c) => c.verdict === 'valid')).toBe(true);
    expect(answer?.services.map((s) => s.id)).toEqual(['mediation', 'consultation', 'legal-aid']);
    expect(answer?.paths.slice(0, 2)).toEqual([
      expect.objectContaining({ path: 'litigation', fee: 1050 }),
      expect.objectContaining({ path: 'people-mediation', fee: 0 }),
    ]);
  });

  it('keeps the question without the phone, ID number or name written in it', async () => {
    const { id } = await h.visitor(district)['legal-assistant'].ask({
      question: '我叫王小明，电话13912345678，身份证310101199001011234，老板拖欠工资',
      amount: '12000',
    });
    const [row] = await kept(id);
    expect(row).toMatchObject({
      question: '我叫【姓名】，电话【电话】，身份证【身份证号】，老板拖欠工资',
      channel: 'public',
      services: ['legal-aid', 'mediation', 'consultation'],
      case_id: null,
    });
  });

  it('is not there in a district that has not switched it on', async () => {
    const { district: elsewhere } = await h.district('assistant-off', { enable: ['mediation'] });
    const refused = await failure(
      h.visitor(elsewhere)['legal-assistant'].ask({ question: '朋友借钱不还怎么办，借了5万元' }),
    );
    expect(refused).toContain('NOT_FOUND');
    expect(refused).toContain('plugin.not_offered_in_district');
  });

  it('takes thirty questions from one address in a quarter hour, then asks it to wait', async () => {
    const visitor = h.visitor(district, { ip: '203.0.113.19' });
    for (let n = 1; n <= 30; n++) {
      await visitor['legal-assistant'].ask({ question: `邻居装修噪音太大怎么办，第${n}次` });
    }
    const refused = await failure(visitor['legal-assistant'].ask({ question: '邻居装修噪音太大怎么办' }));
    expect(refused).toContain('auth.throttled');
    // Another address is not held up by it.
    await h
      .visitor(district, { ip: '203.0.113.20' })
      ['legal-assistant'].ask({ question: '邻居装修噪音太大怎么办' });
  });

  it('refuses a question too short, naming the field in the resident’s words', async () => {
    const refused = await failure(h.visitor(district)['legal-assistant'].ask({ question: '借钱' }));
    expect(refused).toContain('BAD_REQUEST');
  });
});

/** A consultation case: the assistant works on cases of any service. */
const consultationCase = (caller: AppCaller, at: TestDistrict, description: string) =>
  caller.case.create({
    channel: 'walk-in',
    resident: { name: '钱女士', phone: `136${String(Date.now()).slice(-8)}` },
    serviceType: 'consultation',
    description,
    organisationId: at.organisations.roomA,
    form: { topic: '劳动报酬', channel: 'walk-in', question: description },
  });

describe('the legal assistant on a case', () => {
  it('answers staff on a case of another service, the question from its description, and notes it on the timeline', async () => {
    const c = await consultationCase(admin, district, '公司拖欠三个月工资不发');
    const before = await admin['legal-assistant'].caseTools({ caseId: c.id });
    expect(before).toMatchObject({ case: { description: '公司拖欠三个月工资不发' }, answer: null });
    await admin['legal-assistant'].askOnCase({ caseId: c.id, question: before.case.description });
    const after = await admin['legal-assistant'].caseTools({ caseId: c.id });
    expect(after.answer?.services[0]?.id).toBe('legal-aid');
    expect(after.answer?.paths.map((p) => p.path)).toContain('labour-arbitration');
    const timeline = await h.asTenant(district.tenantId, (tx) =>
      tx.select().from(schema.caseEvent).where(eq(schema.caseEvent.caseId, c.id)),
    );
    expect(timeline.map((e) => e.text)).toContain('在法律助手中查询了适用的法律与解决途径');
  });

  it('refuses a case of another district', async () => {
    const other = await h.district('assistant-other', { enable: SERVICES });
    const theirs = await consultationCase(other.admin, other.district, '邻居借了两万元一直不还');
    expect(await failure(admin['legal-assistant'].caseTools({ caseId: theirs.id }))).toMatch(/NOT_FOUND/);
    expect(
      await failure(admin['legal-assistant'].askOnCase({ caseId: theirs.id, question: '邻居借钱不还' })),
    ).toMatch(/NOT_FOUND/);
  });
});

describe('the bureau’s page', () => {
  it('counts what residents and staff asked by month and by matched service', async () => {
    const page = await admin['legal-assistant'].questions({});
    const [month] = page.byMonth;
    expect(month?.count).toBeGreaterThanOrEqual(3);
    expect(month?.public).toBeGreaterThanOrEqual(2);
    expect(page.byService).toContainEqual(
      expect.objectContaining({ month: month?.month, service: 'mediation', count: expect.any(Number) }),
    );
    expect(page.latest.map((q) => q.question)).not.toContain(expect.stringContaining('13912345678'));
  });
});
