import { DomainError, type LoadedCase } from '@linju/core';
import { type LegalAidCase, legalAidIntakeForm } from '@linju/plugin-legal-aid';

const localDate = (timeZone: string, at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(at);

/** A legal-aid case as the plugin needs it: its application form and its dates in the district's time zone. */
export function legalAidCase(c: LoadedCase, timeZone: string, now = new Date()): LegalAidCase {
  const intake = legalAidIntakeForm.safeParse(c.row.form);
  if (!intake.success) {
    throw new DomainError('bad-request', 'legal_aid.case_has_no_application', { field: 'caseId' });
  }
  return {
    caseId: c.row.id,
    receivedOn: localDate(timeZone, c.row.receivedAt),
    today: localDate(timeZone, now),
    intake: intake.data,
  };
}
