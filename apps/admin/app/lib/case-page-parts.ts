import type { MessageKey } from '@linju/i18n';
import { tenantPaths } from './tenant-paths.ts';

/**
 * The parts of the case page, each a child route of its layout (`routes/case.tsx`) with its own
 * forms: handling at the case's own URL, the others below it. A service's own pages (its plugin's
 * screens) sit beside them.
 */
export const CASE_PAGE_PARTS = [
  { path: '', file: 'routes/case/handling.tsx', label: 'casePage.actions_heading' },
  { path: 'parties', file: 'routes/case/parties.tsx', label: 'casePage.parties_heading' },
  { path: 'referrals', file: 'routes/case/referrals.tsx', label: 'casePage.referrals_heading' },
  { path: 'feedback', file: 'routes/case/feedback.tsx', label: 'casePage.feedback_heading' },
  { path: 'documents', file: 'routes/case/documents.tsx', label: 'casePage.documents_heading' },
  { path: 'consent', file: 'routes/case/consent.tsx', label: 'casePage.consents_heading' },
  { path: 'links', file: 'routes/case/links.tsx', label: 'casePage.chain_heading' },
  {
    path: 'joint-consultation',
    file: 'routes/case/joint-consultation.tsx',
    label: 'casePage.joint_consultation_heading',
  },
] as const satisfies readonly { path: string; file: string; label: MessageKey }[];

/**
 * Where the case page's forms land after posting: the outcome at the top of the part, so what a
 * post answered (a refusal, the one-time rating code, a partner's link) is on screen, beside the
 * matter on a desktop, below it on a phone.
 */
export const CASE_LANDING = 'outcome';

export type CasePagePart = (typeof CASE_PAGE_PARTS)[number]['path'];

/** Where a part's form goes once it succeeded: the part again, saying what was done, on screen (`CASE_LANDING`). */
export const casePartDone = (slug: string, caseId: string, part: CasePagePart) => (intent: string) =>
  `${tenantPaths.case(slug, caseId)}${part ? `/${part}` : ''}?done=${intent}#${CASE_LANDING}`;
