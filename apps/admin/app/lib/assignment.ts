import { readTableView } from '@linju/ui';

/** The assignment page's two queues: newly transferred in (the default: they came to be assigned) and every unassigned case. */
export const ASSIGNMENT_VIEWS = ['transferred-in', 'unassigned'] as const;
export type AssignmentView = (typeof ASSIGNMENT_VIEWS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The queue's one order: newest received first. */
export const ASSIGNMENT_SORTS = ['received'] as const;

/** The page's address as its links and its unit form give it: the view, the unit, the page and page size. */
export function readAssignmentView(params: URLSearchParams) {
  const view = params.get('view');
  const unit = params.get('unit') ?? '';
  return {
    view: (ASSIGNMENT_VIEWS as readonly string[]).includes(view ?? '')
      ? (view as AssignmentView)
      : 'transferred-in',
    unit: UUID.test(unit) ? unit : '',
    ...readTableView(params, ASSIGNMENT_SORTS),
  };
}

/**
 * The cases a posted assignment form names: the one row's own button (`only`) when that was
 * pressed, else every ticked box; each an id, each once, in the order of the page.
 */
export function casesToAssign(form: FormData): string[] {
  const only = form.get('only');
  const picked = typeof only === 'string' && only ? [only] : form.getAll('caseId');
  return [...new Set(picked.filter((id): id is string => typeof id === 'string' && UUID.test(id)))];
}
