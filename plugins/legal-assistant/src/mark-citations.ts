import type { CitationCheck } from '@linju/plugin-sdk';

/** A run of an answer's text: plain, or a citation with what the library says of it. */
export type AnswerSegment =
  | { readonly text: string; readonly verdict?: undefined }
  | { readonly text: string; readonly verdict: CitationCheck['verdict'] };

/** The text cut at its citations, so each shows with its verdict in place (a repealed one marked). */
export function markCitations(text: string, checks: readonly CitationCheck[]): AnswerSegment[] {
  const segments: AnswerSegment[] = [];
  let at = 0;
  for (const check of [...checks].sort((a, b) => a.index - b.index)) {
    if (check.index < at) continue;
    if (check.index > at) segments.push({ text: text.slice(at, check.index) });
    segments.push({ text: check.written, verdict: check.verdict });
    at = check.index + check.written.length;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}
