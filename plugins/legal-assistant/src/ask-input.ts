import { z } from 'zod';

/** A question in plain words, as a resident or staff member types it. */
export const ZQuestion = z
  .string()
  .trim()
  .min(4, 'legal-assistant.question_too_short')
  .max(500, 'legal-assistant.question_too_long');

/** The amount at stake in yuan (optional), for the court fee; typed as text, 50000 or 50000.5. */
export const ZAmount = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, 'legal-assistant.amount_invalid')
  .transform(Number);

/** The amount field as typed into a form: separators dropped, empty means none. */
export const typedAmount = (typed: string | undefined) => {
  const amount = (typed ?? '').replace(/[,，\s]/g, '');
  return amount ? { amount } : {};
};
