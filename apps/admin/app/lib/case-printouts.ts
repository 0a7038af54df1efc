import type { AppCaller } from '@linju/api';

export type CasePrintout = Parameters<AppCaller['case']['printout']>[0]['printout'];

/** The printouts every case offers on its documents part, in the order shown. */
export const CASE_PRINTOUTS = [
  'intake-receipt',
  'case-file-cover',
] as const satisfies readonly CasePrintout[];

export const isCasePrintout = (value: string): value is CasePrintout =>
  (CASE_PRINTOUTS as readonly string[]).includes(value);
