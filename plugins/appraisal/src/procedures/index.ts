import { advise } from './advise.ts';
import { getAdvice } from './get-advice.ts';
import { page } from './page.ts';

/** Judicial appraisal's procedures, mounted by the API at `appraisal.<name>`. */
export const procedures = { advise, getAdvice, page };
