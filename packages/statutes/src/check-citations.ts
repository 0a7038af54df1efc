import type { Queryable } from '@linju/db';
import { STATUTE_IN_FORCE } from '@linju/vocabulary';
import { parseArticleNumber } from './article-number.ts';
import { findArticle } from './find-article.ts';

export type Citation = {
  /** As written in the text: 《民法典》第一千二百五十四条. */
  written: string;
  /** Where it starts in the text (UTF-16 index), so a screen can mark it in place. */
  index: number;
  law: string;
  article: number;
};

const CITATION = /《([^《》]{2,60})》\s*第\s*([0-9]+|[零〇一二两三四五六七八九十百千]+)\s*条/g;

/** Every 《…》第N条 in a text, in order. */
export function findCitations(text: string): Citation[] {
  return [...text.matchAll(CITATION)].flatMap((m) => {
    const article = parseArticleNumber(m[2] as string);
    return article === undefined ? [] : [{ written: m[0], index: m.index, law: m[1] as string, article }];
  });
}

/**
 * `valid`: the article exists and is in force; `repealed`: it exists, but it or its law is repealed
 * or superseded; `missing`: the library has no such law or no such article in it.
 */
export type CitationVerdict = Citation & { verdict: 'valid' | 'repealed' | 'missing'; lawName?: string };

/** An article the platform holds outside the library (the library has national laws only). */
export type KnownArticle = { readonly law: string; readonly article: number };

/**
 * Every citation in a text, checked against the library, or against `known` for a law the platform
 * encodes itself (《诉讼费用交纳办法》, a State Council regulation): there an article not listed is missing.
 */
export async function checkCitations(
  db: Queryable,
  text: string,
  known: readonly KnownArticle[] = [],
): Promise<CitationVerdict[]> {
  const verdicts: CitationVerdict[] = [];
  for (const citation of findCitations(text)) {
    if (known.some((k) => k.law === citation.law)) {
      const held = known.some((k) => k.law === citation.law && k.article === citation.article);
      verdicts.push({
        ...citation,
        verdict: held ? 'valid' : 'missing',
        ...(held ? { lawName: citation.law } : {}),
      });
      continue;
    }
    const found = await findArticle(db, citation.law, String(citation.article));
    if (found.found !== 'article') {
      verdicts.push({ ...citation, verdict: 'missing' });
      continue;
    }
    const inForce =
      STATUTE_IN_FORCE.includes(found.article.status) && STATUTE_IN_FORCE.includes(found.article.lawStatus);
    verdicts.push({ ...citation, verdict: inForce ? 'valid' : 'repealed', lawName: found.article.law });
  }
  return verdicts;
}
