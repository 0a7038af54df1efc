import { type LocalizedText, type OfferedService, unitsProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import {
  approvedReferenceCases,
  findReferenceCase,
  type LibraryFilter,
  type ReferenceCase,
  waitingProposals,
} from '../reference-case-library.ts';

const shown = (c: ReferenceCase) => ({
  id: c.id,
  sourceCaseId: c.sourceCaseId,
  serviceType: c.serviceType,
  category: c.category,
  title: c.title,
  summary: c.summary,
  resolution: c.resolution,
  statutes: c.statutes.map((s) => s.written),
  status: c.status,
  proposedBy: c.proposedBy,
  proposedAt: c.proposedAt,
  decidedBy: c.decidedBy,
  decidedAt: c.decidedAt,
});

/**
 * Everything the library page shows, in one call: the approved cases matching the filters (an
 * article is looked up in the statute library, so 675 and 第六百七十五条 find the same cases), the
 * one asked for, and, for those who approve at the district's centre, the proposals waiting.
 */
export const library = unitsProcedure({
  kind: 'query',
  permission: 'reference-cases.library.read',
  input: z.object({
    service: z.string().max(100).optional(),
    category: z.string().max(100).optional(),
    law: z.string().trim().max(100).optional(),
    article: z.string().trim().max(30).optional(),
    text: z.string().trim().max(200).optional(),
    case: z.string().optional(),
  }),
  async run(ctx, input) {
    const filter: LibraryFilter = {
      serviceType: input.service || undefined,
      category: input.category || undefined,
      law: input.law || undefined,
      text: input.text || undefined,
    };
    let unknownArticle = false;
    if (input.law && input.article) {
      const found = await ctx.knowledge.statutes.article(input.law, input.article);
      if (found?.article != null) filter.article = { law: found.law, article: found.article };
      else unknownArticle = true;
    }
    const cases = unknownArticle ? [] : await approvedReferenceCases(ctx.db, filter);
    const centre = (await ctx.organisations.list({ kinds: ['centre'] }))[0];
    const approver = centre ? await ctx.allows('reference-cases.case.approve', centre.id) : false;
    const waiting = approver ? await waitingProposals(ctx.db) : [];
    const everyApproved =
      filter.serviceType || filter.category ? await approvedReferenceCases(ctx.db, {}) : cases;
    const services = await ctx.knowledge.services();
    const asked = input.case ? await findReferenceCase(ctx.db, input.case) : null;
    // A proposal is shown only to those who decide it; everyone else sees approved cases.
    const selected =
      asked && (asked.status === 'approved' || (approver && asked.status === 'proposed')) ? asked : null;
    return {
      filter: input,
      unknownArticle,
      cases: cases.map(shown),
      selected: selected && shown(selected),
      waiting: waiting.map(shown),
      approver,
      services: services.map((s) => ({ id: s.id, name: s.name })),
      categories: [...new Set(everyApproved.flatMap((c) => (c.category ? [c.category] : [])))]
        .sort()
        .map((id) => ({ id, name: categoryName(services, id) })),
    };
  },
});

/** A category's name as its service declares it (the id itself only for one no service declares any more). */
function categoryName(services: readonly OfferedService[], id: string): LocalizedText {
  const declared = services.flatMap((service) => service.categories).find((category) => category.id === id);
  return declared?.name ?? { 'zh-CN': id, en: id };
}
