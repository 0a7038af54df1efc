import type { ReactNode } from 'react';
import { useTranslate } from './locale-context.tsx';

/** A citation found in a text and its verdict, as the statute library's check answers it. */
export type MarkedCitation = {
  readonly written: string;
  readonly index: number;
  readonly law: string;
  readonly article: number;
  readonly verdict: 'valid' | 'repealed' | 'missing';
};

/** The public API's address of an article (`/api/v1/statutes/<law>/<article>`). */
export const statuteArticleHref = (law: string, article: number) =>
  `/api/v1/statutes/${encodeURIComponent(law)}/${article}`;

export interface CitedTextProps {
  text: string;
  /** The text's citations in order, each where it stands (`index`). */
  citations: readonly MarkedCitation[];
}

/**
 * A text with each 《…》第N条 marked by its verdict: a valid one links to the article; a repealed
 * or missing one is marked and says so in words (已废止, 未找到该条), not by colour alone.
 * A citation that does not stand where it says is left as plain text.
 */
export function CitedText({ text, citations }: CitedTextProps) {
  const t = useTranslate();
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const c of citations) {
    if (c.index < cursor || text.slice(c.index, c.index + c.written.length) !== c.written) continue;
    parts.push(text.slice(cursor, c.index));
    parts.push(
      c.verdict === 'valid' ? (
        <a key={c.index} className="lj-citation" href={statuteArticleHref(c.law, c.article)}>
          {c.written}
        </a>
      ) : (
        <span key={c.index} className={`lj-citation lj-citation--${c.verdict}`}>
          {c.written}
          <span className="lj-citation__verdict">
            {t(c.verdict === 'repealed' ? 'ui.citation_repealed' : 'ui.citation_missing')}
          </span>
        </span>
      ),
    );
    cursor = c.index + c.written.length;
  }
  parts.push(text.slice(cursor));
  return <>{parts}</>;
}
