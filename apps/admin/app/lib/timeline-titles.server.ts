import { LOCALES, type Locale, translate } from '@linju/i18n';
import { auditActionKey } from './audit-log.ts';

/** Kinds whose entries record different steps: the step's action names the entry, not the kind. */
const GATHERING_KINDS: ReadonlySet<string> = new Set(['note', 'referral']);

const str = (v: unknown) => (typeof v === 'string' ? v : null);

/**
 * The step a timeline entry records, as the audit log names it: the action kept with the entry, or
 * for a referral's own entry (written by its workflow) `referral.<event>`, its audit action. A plain
 * note (`case.note_added`) is what its kind says.
 */
function entryAction(kind: string, data: Record<string, unknown>): string | null {
  if (!GATHERING_KINDS.has(kind)) return null;
  const action =
    str(data.action) ?? (kind === 'referral' && str(data.event) ? `referral.${data.event}` : null);
  return action === 'case.note_added' ? null : action;
}

/**
 * The entry's step by name in each language (a plugin's in its own messages), or null when its
 * kind names it. Named on the server, where every plugin's messages are: the browser then needs
 * none of the plugins' admin code for the case page.
 */
export function timelineStepTitle(
  kind: string,
  data: Record<string, unknown>,
): Readonly<Record<Locale, string>> | null {
  const action = entryAction(kind, data);
  const key = action ? auditActionKey(action) : undefined;
  if (!key) return null;
  return Object.fromEntries(LOCALES.map((locale) => [locale, translate(locale, key)])) as Record<
    Locale,
    string
  >;
}
