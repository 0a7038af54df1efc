export type { CaseFacts } from './case-facts.ts';
export { caseFileCover } from './case-file-cover.ts';
export { CASE_PRINTOUTS, type CasePrintout, printCase } from './case-printout.ts';
export { intakeReceipt } from './intake-receipt.ts';
