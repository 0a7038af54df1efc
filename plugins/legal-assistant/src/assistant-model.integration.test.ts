import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type AppCaller,
  pluginHarness,
  type TestDistrict,
} from '../../../packages/api/src/plugin-harness.ts';
import {
  type ChatMessage,
  startModelTestServer,
} from '../../../packages/core/src/testing/model-test-server.ts';
import { importAssistantArticles } from './testing/import-assistant-articles.ts';

const h = pluginHarness();
let district: TestDistrict;
let admin: AppCaller;
let resident: AppCaller;
let server: Awaited<ReturnType<typeof startModelTestServer>>;
let answerWith = (_messages: readonly ChatMessage[]) => '';

/** The first article the assistant gave the model, as the system prompt numbers it ([1] 《民法典》第六百七十五条：…). */
const firstGiven = (messages: readonly ChatMessage[]) =>
  /\[1\] (《[^》]+》第[^：]+条)：/.exec(messages[0]?.content ?? '')?.[1] ?? '';

beforeAll(async () => {
  ({ district, admin } = await h.district('assistant-model', { enable: ['legal-assistant', 'mediation'] }));
  await importAssistantArticles({
    DATABASE_URL: inject('ownerDatabaseUrl'),
    DATABASE_APP_URL: inject('databaseUrl'),
  });
  server = await startModelTestServer({ answer: (messages) => answerWith(messages) });
  resident = h.visitor(district, { languageModel: h.languageModelAt(server.url) });
});
afterAll(async () => {
  await server?.close();
  await h.close();
});

const ask = async (question: string) => {
  const { id } = await resident['legal-assistant'].ask({ question });
  const { answer } = await resident['legal-assistant'].answer({ asked: id });
  return { zh: answer?.answer['zh-CN'].text ?? '', answer };
};

describe('the assistant with the operator’s language model', () => {
  it('shows the model’s answer when every citation in it is one of the articles it was given', async () => {
    let phrased = '';
    answerWith = (messages) => {
      phrased = `依照${firstGiven(messages)}，借款人应当按照约定的期限返还借款，可以先申请人民调解。`;
      return phrased;
    };
    const { zh, answer } = await ask('朋友借钱不还怎么办，借了5万元');
    expect(phrased).toMatch(/^依照《民法典》第.+条/);
    expect(zh).toBe(phrased);
    expect(answer?.answer['zh-CN'].citations).toEqual([expect.objectContaining({ verdict: 'valid' })]);
  });

  it('shows the template answer, never the model’s text, when the model makes up a citation, and counts the refusal', async () => {
    answerWith = () => '根据《民法典》第九千条，对方必须立即还钱并赔偿三倍。';
    const before = (await admin['legal-assistant'].questions({})).byMonth[0]?.refused ?? 0;
    const { zh } = await ask('借给同事2万元不还怎么办');
    expect(zh).not.toContain('第九千条');
    expect(zh).not.toContain('赔偿三倍');
    expect(zh).toContain('借款到期不还的');
    expect(zh).toMatch(/《民法典》第.+条/);
    expect((await admin['legal-assistant'].questions({})).byMonth[0]?.refused).toBe(before + 1);
  });

  it('answers from its templates when the model does not answer', async () => {
    answerWith = () => {
      throw new Error('the model is down');
    };
    const { zh } = await ask('欠款三年不还还能要吗');
    expect(zh).toContain('借款到期不还的');
  });
});
