import { connect, openPostgres } from '@linju/db';
import { FEE_REGULATION_ARTICLES } from '@linju/litigation-fee';
import type { PhraseRequest, StatuteArticle } from '@linju/plugin-sdk';
import { importStatutes, readStatutesJsonl } from '@linju/statutes';
import { loadAssistantArticles, statuteFixture } from '@linju/statutes/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { statuteLibrary } from '../plugins/statute-library.ts';
import { type ChatMessage, startModelTestServer } from '../testing/model-test-server.ts';
import { createLanguageModel } from './language-model.ts';

/**
 * The operator's model against a real OpenAI-compatible server on loopback, its citations checked by
 * the real statute library: real articles of 民法典 and others, and a small fixture with a repealed
 * law (《模型借贷法》 in force, 《模型旧借贷法》 repealed).
 */
const fixture = statuteFixture('模型');
const app = connect(inject('databaseUrl'));
const statutes = statuteLibrary(app.db);
const refusals: object[] = [];
const log = { warn: (obj: object) => void refusals.push(obj) };

const loanArticle: StatuteArticle = {
  law: fixture.current.name,
  article: 1,
  label: '第一条',
  text: '借款人应当按照约定的期限返还借款。',
  status: 'current',
};
const repealedArticle: StatuteArticle = {
  law: fixture.repealed.name,
  article: 1,
  label: '第一条',
  text: '借款人应当返还借款。',
  status: 'repealed',
};
const [, feeArticle] = FEE_REGULATION_ARTICLES.filter((a) => a.article === 8 || a.article === 13);
const question: PhraseRequest = {
  question: '朋友借了我两万元一直不还，起诉要花多少钱？',
  articles: [loanArticle, repealedArticle, feeArticle as StatuteArticle],
  locale: 'zh-CN',
};

let answerWith = (_messages: readonly ChatMessage[]): string | Promise<string> => '';
let server: Awaited<ReturnType<typeof startModelTestServer>>;
const model = () =>
  createLanguageModel({ url: server.url, apiKey: 'sk-test-key', model: 'test-model' }, statutes, log);

beforeAll(async () => {
  const owner = openPostgres(inject('ownerDatabaseUrl'), { max: 1, onnotice: () => {} });
  await importStatutes(owner, readStatutesJsonl(fixture.jsonl));
  await loadAssistantArticles(owner);
  await owner.end();
  server = await startModelTestServer({ apiKey: 'sk-test-key', answer: (messages) => answerWith(messages) });
});
afterAll(async () => {
  await server.close();
  await app.close();
});

describe('the language model', () => {
  it('asks in OpenAI’s chat format with the numbered articles only, and shows an answer citing them', async () => {
    answerWith = () =>
      `依照《模型借贷法》第一条，借款人应当按期还款；起诉的受理费依《诉讼费用交纳办法》第十三条计算。`;
    expect(await model().phrase(question)).toEqual({
      kind: 'answered',
      text: '依照《模型借贷法》第一条，借款人应当按期还款；起诉的受理费依《诉讼费用交纳办法》第十三条计算。',
    });
    const [request] = server.requests.slice(-1);
    expect(request?.model).toBe('test-model');
    expect(request?.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(request?.messages[0]?.content).toContain(`[1] 《模型借贷法》第一条：${loanArticle.text}`);
    expect(request?.messages[0]?.content).toContain('[3] 《诉讼费用交纳办法》第十三条：案件受理费分别按照');
    expect(request?.messages[1]?.content).toBe(question.question);
  });

  it('shows an answer citing nothing', async () => {
    answerWith = () => '建议先找社区人民调解委员会调解。';
    expect(await model().phrase(question)).toEqual({
      kind: 'answered',
      text: '建议先找社区人民调解委员会调解。',
    });
  });

  it('refuses an answer with a made-up citation, logging the citation only', async () => {
    answerWith = () => '根据《模型借贷法》第一条和《民法典》第九千条，对方必须还钱。';
    refusals.length = 0;
    expect(await model().phrase(question)).toEqual({ kind: 'refused', citation: '《民法典》第九千条' });
    expect(refusals).toEqual([{ citation: '《民法典》第九千条', verdict: 'missing' }]);
  });

  it('refuses a real article in force that was not among those given', async () => {
    answerWith = () => '依照《模型借贷法》第二条，没有约定利息的视为没有利息。';
    expect(await model().phrase(question)).toEqual({ kind: 'refused', citation: '《模型借贷法》第二条' });
    // 民法典 第六百七十六条 (late repayment) is in the library and in force, but was not retrieved.
    answerWith = () =>
      '借款人未按照约定的期限返还借款的，应当按照约定或者国家有关规定支付逾期利息（《民法典》第六百七十六条）。';
    expect(await model().phrase(question)).toEqual({ kind: 'refused', citation: '《民法典》第六百七十六条' });
  });

  it('refuses a repealed article even when it was given', async () => {
    answerWith = () => '依照《模型旧借贷法》第一条，借款人应当返还借款。';
    expect(await model().phrase(question)).toEqual({ kind: 'refused', citation: '《模型旧借贷法》第一条' });
  });

  it('refuses an article of the fee regulation the platform does not hold', async () => {
    answerWith = () => '依照《诉讼费用交纳办法》第九十条，不收费。';
    expect(await model().phrase(question)).toEqual({
      kind: 'refused',
      citation: '《诉讼费用交纳办法》第九十条',
    });
  });

  it('is unavailable when the endpoint refuses the key', async () => {
    answerWith = () => '不会被问到。';
    const wrongKey = createLanguageModel(
      { url: server.url, apiKey: 'sk-wrong', model: 'test-model' },
      statutes,
    );
    expect(await wrongKey.phrase(question)).toEqual({ kind: 'unavailable' });
  });

  it('is unavailable when the endpoint fails, is down, or is too slow', async () => {
    answerWith = () => {
      throw new Error('model overloaded');
    };
    expect(await model().phrase(question)).toEqual({ kind: 'unavailable' });

    const down = await startModelTestServer({ answer: () => '' });
    await down.close();
    const unreachable = createLanguageModel({ url: down.url, model: 'test-model' }, statutes);
    expect(await unreachable.phrase(question)).toEqual({ kind: 'unavailable' });

    // A model that never answers: the timeout, not the test, decides.
    answerWith = () => new Promise<string>(() => {});
    const impatient = createLanguageModel(
      { url: server.url, apiKey: 'sk-test-key', model: 'test-model', timeoutMs: 100 },
      statutes,
    );
    expect(await impatient.phrase(question)).toEqual({ kind: 'unavailable' });
  });
});

describe('startModelTestServer', () => {
  it('refuses a request without a model or messages, as OpenAI does', async () => {
    const post = (body: unknown) =>
      fetch(`${server.url}/chat/completions`, {
        method: 'POST',
        headers: { authorization: 'Bearer sk-test-key', 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post({ messages: [{ role: 'user', content: '你好' }] })).status).toBe(400);
    expect((await post({ model: 'test-model', messages: [] })).status).toBe(400);
    const noKey = await fetch(`${server.url}/chat/completions`, { method: 'POST', body: '{}' });
    expect(noKey.status).toBe(401);
  });
});
