import type {
  CitationCheck,
  LanguageModel,
  PhraseRequest,
  PhraseResult,
  StatuteArticle,
} from '@linju/plugin-sdk';
import { z } from 'zod';

/** Where the operator's OpenAI-compatible endpoint is (`LINJU_ASSISTANT_MODEL_*`). */
export type LanguageModelSettings = {
  /** The API's base, e.g. `https://llm.example.cn/v1`: the model posts to `<url>/chat/completions`. */
  readonly url: string;
  readonly apiKey?: string;
  readonly model: string;
  /** How long an answer may take before the assistant answers without it (15 s). */
  readonly timeoutMs?: number;
};

/** The citation check the gate uses: the statute library's, with the articles it holds besides. */
export type CitationChecker = { checkCitations(text: string): Promise<readonly CitationCheck[]> };

/**
 * The model as the platform holds it: `checkingWith` gives the same model checking citations through
 * another checker — a request's own transaction, since asking the pool for a second connection inside
 * it is refused (`SecondConnectionError`).
 */
export type GatedLanguageModel = LanguageModel & {
  checkingWith(statutes: CitationChecker): GatedLanguageModel;
};

/** Only what is safe to log: never the question, never the answer (residents' matters). */
export type LanguageModelLog = { warn(obj: object, msg?: string): void };

const DEFAULT_TIMEOUT_MS = 15_000;

const ZChatCompletion = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().min(1) }) })).min(1),
});

const lawShortName = (law: string) => law.replace(/^中华人民共和国/, '');

const SYSTEM_PROMPT = {
  'zh-CN': (articles: string) =>
    `你是公共法律服务的法律助手。只依据下面编号列出的法条回答居民的问题，不引用其他任何法条或案例；引用时写作《法律简称》第N条（例如《民法典》第六百七十五条）。法条不足以回答时，如实说明并建议咨询法律服务工作者。回答简明，不超过300字。\n\n${articles}`,
  en: (articles: string) =>
    `You are the legal assistant of a public legal service. Answer the resident's question in English from the numbered articles below only, citing no other article or case; cite an article in Chinese as 《法律简称》第N条 (e.g. 《民法典》第六百七十五条). If the articles do not answer it, say so and suggest asking a legal service worker. Keep it short, under 200 words.\n\n${articles}`,
} as const;

function numberedArticles(articles: readonly StatuteArticle[]): string {
  return articles.map((a, i) => `[${i + 1}] 《${lawShortName(a.law)}》${a.label}：${a.text}`).join('\n');
}

/** A citation the gate lets through: valid in the library, and one of the articles the model was given. */
function givenAndValid(check: CitationCheck, given: readonly StatuteArticle[]): boolean {
  return (
    check.verdict === 'valid' &&
    given.some((a) => a.article === check.article && lawShortName(a.law) === lawShortName(check.law))
  );
}

/**
 * The operator's model behind the citation gate (issue 19): it phrases an answer from the articles
 * retrieved for a question, and the answer is shown only if every 《…》第N条 in it is valid in the
 * library AND among those articles; one that is not refuses the whole answer. A text with no
 * citation passes. Any failure of the endpoint (down, slow, not its format) is `unavailable`, so
 * the assistant answers from its templates instead.
 */
export function createLanguageModel(
  settings: LanguageModelSettings,
  statutes: CitationChecker,
  log?: LanguageModelLog,
): GatedLanguageModel {
  const endpoint = `${settings.url.replace(/\/+$/, '')}/chat/completions`;
  const timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function complete(request: PhraseRequest): Promise<string | null> {
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {}),
        },
        body: JSON.stringify({
          model: settings.model,
          messages: [
            { role: 'system', content: SYSTEM_PROMPT[request.locale](numberedArticles(request.articles)) },
            { role: 'user', content: request.question },
          ],
          temperature: 0,
        }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) {
        log?.warn({ status: response.status }, 'language model answered with an error');
        return null;
      }
      const body = ZChatCompletion.safeParse(await response.json());
      if (!body.success) {
        log?.warn({}, 'language model answered in an unknown format');
        return null;
      }
      return body.data.choices[0]?.message.content ?? null;
    } catch (error) {
      log?.warn({ error: (error as Error).name }, 'language model unreachable or too slow');
      return null;
    }
  }

  const gated = (checker: CitationChecker): GatedLanguageModel => ({
    async phrase(request: PhraseRequest): Promise<PhraseResult> {
      const text = await complete(request);
      if (text === null) return { kind: 'unavailable' };
      const checks = await checker.checkCitations(text);
      const wrong = checks.find((check) => !givenAndValid(check, request.articles));
      if (wrong) {
        log?.warn({ citation: wrong.written, verdict: wrong.verdict }, 'language model answer refused');
        return { kind: 'refused', citation: wrong.written };
      }
      return { kind: 'answered', text };
    },
    checkingWith: gated,
  });
  return gated(statutes);
}
