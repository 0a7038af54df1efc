import { corpusFrom, type StatuteCorpus, ZCorpusArticle } from './statute-corpus.ts';

/**
 * A JSONL file of articles (one `ZCorpusArticle` a line, blank lines ignored). A bad line stops the
 * read, naming its number and what is wrong, so nothing half-read is imported.
 */
export function readStatutesJsonl(text: string): StatuteCorpus {
  const lines = text.split('\n');
  return corpusFrom(
    lines.flatMap((line, i) => {
      if (line.trim() === '') return [];
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new Error(`line ${i + 1}: not JSON`);
      }
      const parsed = ZCorpusArticle.safeParse(json);
      if (!parsed.success) {
        throw new Error(
          `line ${i + 1}: ${parsed.error.issues.map((e) => `${e.path.join('.') || 'line'}: ${e.message}`).join('; ')}`,
        );
      }
      return [parsed.data];
    }),
  );
}
