import { anyCaseProcedure, definePlugin, KNOWLEDGE_SERVICE, publicProcedure, sql } from '@linju/plugin-sdk';
import { z } from 'zod';
import { TEST_SERVICE } from './test-service.ts';

/** A knowledge plugin of the platform's own tests (no real one is named by platform code). */
export const TEST_KNOWLEDGE = 'test-knowledge';

/**
 * Test-only: a knowledge plugin using each capability once. `ask` answers on any case with what
 * `ctx.knowledge` finds for a question, `lookup` a resident on the public site; `note` puts a line on the case's timeline (carried by
 * `case.handle`); its reference cases are rows of its own table, each hit saying which database
 * role read it. Mounted by a test with `pluginRouters`, its table made with `migratePlugins`.
 */
export const testKnowledgePlugin = definePlugin({
  id: TEST_KNOWLEDGE,
  version: '1.0.0',
  sdkVersion: '1.x',
  ...KNOWLEDGE_SERVICE,
  name: { 'zh-CN': '测试法律知识', en: 'Test legal knowledge' },
  description: { 'zh-CN': '平台测试用', en: "The platform's tests" },
  permissions: [
    {
      id: 'test-knowledge.case.read',
      label: { 'zh-CN': '查看', en: 'Read' },
      grantedWith: 'case.read',
    },
    {
      id: 'test-knowledge.note.add',
      label: { 'zh-CN': '记录', en: 'Note' },
      grantedWith: 'case.handle',
      dependsOn: ['test-knowledge.case.read'],
    },
  ],
  migrations: [
    {
      name: '0001_references',
      sql: `CREATE TABLE test_knowledge_reference (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        title text NOT NULL,
        summary text NOT NULL,
        PRIMARY KEY (tenant_id, id)
      );`,
    },
  ],
  referenceCases: {
    async search(db, { text, limit }) {
      const rows = await db.query<{ id: string; title: string; summary: string; role: string }>(sql`
        select id::text, title, summary, current_user::text as role from test_knowledge_reference
        where position(title in ${text}) > 0 order by title limit ${limit}`);
      return rows.map((row) => ({
        id: row.id,
        title: row.title,
        summary: `${row.summary}（${row.role}）`,
        statutes: ['《民法典》第六百七十五条'],
        serviceType: TEST_SERVICE,
      }));
    },
  },
  procedures: {
    ask: anyCaseProcedure({
      kind: 'query',
      permission: 'test-knowledge.case.read',
      input: z.object({ caseId: z.uuid(), question: z.string() }),
      async run(ctx, { question }) {
        const { statutes, similarCases, services, languageModel } = ctx.knowledge;
        return {
          caseNumber: ctx.case.number,
          articles: await statutes.search(question, 3),
          loanArticle: await statutes.article('民法典', '第六百七十五条'),
          citations: await statutes.checkCitations(question),
          similar: await similarCases(question, 5),
          services: await services(),
          model: languageModel !== null,
        };
      },
    }),
    lookup: publicProcedure({
      kind: 'query',
      input: z.object({ law: z.string(), article: z.string(), question: z.string() }),
      async run(ctx, { law, article, question }) {
        return {
          article: await ctx.knowledge.statutes.article(law, article),
          similar: await ctx.knowledge.similarCases(question),
        };
      },
    }),
    note: anyCaseProcedure({
      kind: 'mutation',
      permission: 'test-knowledge.note.add',
      input: z.object({ caseId: z.uuid(), text: z.string() }),
      async run(ctx, { text }) {
        await ctx.recordOnTimeline({ text, action: 'test-knowledge.note.added' });
        return { noted: true };
      },
    }),
  },
});
