import type { ReferenceCaseSource } from '@linju/plugin-sdk';
import { similarReferenceCases } from './reference-case-library.ts';

/**
 * What the platform asks for `ctx.knowledge.similarCases` (the legal assistant): approved cases
 * only, best first, their texts as approved (personal data removed and scanned again on approval).
 */
export const referenceCaseSource: ReferenceCaseSource = {
  async search(db, query) {
    const found = await similarReferenceCases(db, query);
    return found.map((c) => ({
      id: c.id,
      title: c.title,
      summary: `${c.summary}\n${c.resolution}`,
      statutes: c.statutes.map((s) => s.written),
      serviceType: c.serviceType,
    }));
  },
};
