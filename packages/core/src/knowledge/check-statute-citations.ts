import type { Queryable } from '@linju/db';
import { FEE_REGULATION_ARTICLES } from '@linju/litigation-fee';
import type { CitationCheck } from '@linju/plugin-sdk';
import { checkCitations } from '@linju/statutes';

/**
 * Every 《…》第N条 in a text, checked against the statute library and against the regulation the
 * platform encodes itself (《诉讼费用交纳办法》, the court fee's basis), as knowledge services see it.
 */
export async function checkStatuteCitations(db: Queryable, text: string): Promise<CitationCheck[]> {
  const verdicts = await checkCitations(db, text, FEE_REGULATION_ARTICLES);
  return verdicts.map(({ written, index, law, article, verdict }) => ({
    written,
    index,
    law,
    article,
    verdict,
  }));
}
