import { type Anonymised, removePersonalData } from './personal-data.ts';

/** What the review screen starts from: a case's words, personal data removed. */
export interface ReferenceCaseDraft {
  readonly title: string;
  /** The description and the intake form's answers, anonymised, with the removed pieces marked. */
  readonly summary: Anonymised;
}

/** Answers of an intake form worth reading: sentences, not codes (`disability-grade`), dates or flags. */
function formAnswers(form: unknown): string[] {
  if (typeof form !== 'object' || form === null) return [];
  return Object.values(form).flatMap((value) =>
    typeof value === 'string' && /\p{Script=Han}/u.test(value) ? [value.trim()] : [],
  );
}

/**
 * The draft of a reference case made from a closed case: the description followed by the form's
 * answers, each party's name (`partyNames`, the resident first) replaced by their role, and a
 * title from its first sentence.
 */
export function draftReferenceCase(
  source: { readonly description: string; readonly form: unknown },
  partyNames: readonly string[],
): ReferenceCaseDraft {
  const parts = [source.description.trim(), ...formAnswers(source.form)].filter(
    (part, index, all) => part && all.indexOf(part) === index,
  );
  const summary = removePersonalData(parts.join('\n'), partyNames);
  const firstSentence = summary.text.split(/[。！？\n]/)[0] ?? '';
  return { title: firstSentence.slice(0, 40), summary };
}
