import { decide } from './decide.ts';
import { library } from './library.ts';
import { page } from './page.ts';
import { propose } from './propose.ts';

/** The reference case library's procedures, mounted by the API at `reference-cases.<name>`. */
export const procedures = { page, propose, decide, library };
