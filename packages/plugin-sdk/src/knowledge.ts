import { z } from 'zod';
import type { LocalizedText } from './localized-text.ts';
import type { PluginDb } from './plugin-db.ts';

/**
 * What the platform lends knowledge services (issue 19): national law from the statute library,
 * the reference cases knowledge plugins hold, the district's services with their own figures, and
 * the operator's language model behind a citation gate. On every procedure context, staff and public.
 */
export interface KnowledgeCapabilities {
  readonly statutes: {
    /** The articles that best answer a question in plain words, in force first (at most `limit`, default 5). */
    search(question: string, limit?: number): Promise<readonly StatuteArticle[]>;
    /** One article, the law by full or short name (民法典), the number as 1254 or 第一千二百五十四条; `null` when absent. */
    article(law: string, article: string | number): Promise<StatuteArticle | null>;
    /** Every 《…》第N条 in a text, each checked against the library. */
    checkCitations(text: string): Promise<readonly CitationCheck[]>;
  };
  /** Approved reference cases like the question, from every knowledge plugin declaring `referenceCases`. */
  similarCases(question: string, limit?: number): Promise<readonly ReferenceCaseHit[]>;
  /** The services switched on somewhere in the district, each with its median days to close here. */
  services(): Promise<readonly OfferedService[]>;
  /**
   * The operator's language model (`LINJU_ASSISTANT_MODEL_URL`), `null` when none is set (the
   * default). It phrases an answer from the given articles only.
   */
  readonly languageModel: LanguageModel | null;
}

/** One article of the statute library, as the public API answers it. */
export interface StatuteArticle {
  /** The law's full name: 中华人民共和国民法典. */
  readonly law: string;
  /** Its number (675); `null` for a text kept whole. */
  readonly article: number | null;
  /** As the law writes it: 第六百七十五条 (or 第十七条之一). */
  readonly label: string;
  readonly text: string;
  readonly status: 'current' | 'amended' | 'repealed' | 'superseded';
}

/** A citation found in a text and what the library says of it. */
export interface CitationCheck {
  /** As written: 《民法典》第六百七十五条. */
  readonly written: string;
  /** Where it starts in the text (UTF-16 index), to mark it in place. */
  readonly index: number;
  readonly law: string;
  readonly article: number;
  /** `valid`: exists and in force; `repealed`: it or its law is repealed or superseded; `missing`: no such law or article. */
  readonly verdict: 'valid' | 'repealed' | 'missing';
}

/** A reference case (参考性案例) found for a question: approved, no personal data. */
export interface ReferenceCaseHit {
  /** The plugin holding it, and its id there (its screens link it). */
  readonly pluginId: string;
  readonly id: string;
  readonly title: string;
  /** What happened and how it was resolved, personal data removed. */
  readonly summary: string;
  /** The articles it rests on, as citations (《民法典》第六百七十五条). */
  readonly statutes: readonly string[];
  /** The service that handled it (a plugin id). */
  readonly serviceType: string;
}

/** What a knowledge plugin's `referenceCases` extension answers for a question. */
export interface ReferenceCaseSource {
  search(
    db: PluginDb,
    query: { readonly text: string; readonly limit: number },
  ): Promise<readonly Omit<ReferenceCaseHit, 'pluginId'>[]>;
}

/** A service of the district, as the assistant offers it. */
export interface OfferedService {
  /** A plugin id or a street-defined X service's id. */
  readonly id: string;
  readonly name: LocalizedText;
  readonly description: LocalizedText;
  /** Its case categories (a street-defined X service has none), to name a category a case was given. */
  readonly categories: readonly { readonly id: string; readonly name: LocalizedText }[];
  /** Median days from intake to closing over the district's cases closed in the last 12 months; `null` under 5 cases. */
  readonly medianDays: number | null;
  /** The public site's path (below `/t/<slug>/public`) where a resident applies for it online, if any. */
  readonly applyPath: string | null;
}

/** The words the model phrases an answer from: the question and the articles retrieved for it. */
export interface PhraseRequest {
  readonly question: string;
  readonly articles: readonly StatuteArticle[];
  readonly locale: 'zh-CN' | 'en';
}

/**
 * `answered`: every citation in the text is a valid article among those given; `refused`: a
 * citation was not (made up, repealed, or not retrieved) and the text must not be shown;
 * `unavailable`: the endpoint failed or timed out (compose the answer without it).
 */
export type PhraseResult =
  | { readonly kind: 'answered'; readonly text: string }
  | { readonly kind: 'refused'; readonly citation: string }
  | { readonly kind: 'unavailable' };

export interface LanguageModel {
  phrase(request: PhraseRequest): Promise<PhraseResult>;
}

/**
 * What every knowledge plugin's manifest says because nobody is taken in for it (the registry
 * refuses anything else): spread it into `definePlugin({ id, …, ...KNOWLEDGE_SERVICE, … })`.
 */
export const KNOWLEDGE_SERVICE = {
  kind: 'knowledge',
  catalogue: [],
  categories: [],
  intakeForm: z.object({}),
  deadlines: { defaultWorkingDays: 1 },
} as const;
