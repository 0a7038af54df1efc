/**
 * One thing a picker offers: its id (what the API takes), the label a person reads and types (unique
 * among the picker's choices, so a typed label names one), and what tells it apart (its street, roles).
 */
export interface Choice {
  readonly id: string;
  readonly label: string;
  readonly detail?: string | undefined;
}

/** Text as it is compared: no spaces (people type 枫林 路 as 枫林路), Latin letters in lower case. */
const normalised = (text: string) => text.replace(/\s+/g, '').toLowerCase();

/** The choices whose label or detail contains what was typed (all of them for nothing typed). */
export function matchingChoices<C extends Choice>(choices: readonly C[], typed: string): C[] {
  const text = normalised(typed);
  if (!text) return [...choices];
  return choices.filter(
    (choice) => normalised(choice.label).includes(text) || normalised(choice.detail ?? '').includes(text),
  );
}

/** What a picker's posted value names: one choice's id, nothing (an empty field), or a problem. */
export type ResolvedChoice =
  | { readonly id: string }
  | { readonly problem: 'validation.picker_unknown' | 'validation.picker_ambiguous' };

/**
 * Reads a picker's posted value as the server must without JavaScript, where the field holds what
 * was typed: a choice's id (the enhanced picker posts it), else its whole label, else the one label
 * containing the text. Two containing it are refused rather than guessed: a case must not go to the
 * wrong room because a name was half typed.
 */
export function resolveChoice(choices: readonly Choice[], posted: string): ResolvedChoice {
  const text = normalised(posted);
  if (!text) return { id: '' };
  const byId = choices.find((choice) => choice.id === posted.trim());
  if (byId) return { id: byId.id };
  const whole = choices.filter((choice) => normalised(choice.label) === text);
  const candidates = whole.length > 0 ? whole : choices.filter((c) => normalised(c.label).includes(text));
  const [only, ...others] = candidates;
  if (!only) return { problem: 'validation.picker_unknown' };
  return others.length > 0 ? { problem: 'validation.picker_ambiguous' } : { id: only.id };
}

/**
 * Makes labels unique by adding the detail to those shared (two rooms called 调解室 in different
 * streets), so each label typed or chosen names one choice.
 */
export function distinctLabels<C extends Choice>(choices: readonly C[]): C[] {
  const counts = new Map<string, number>();
  for (const { label } of choices) counts.set(label, (counts.get(label) ?? 0) + 1);
  const seen = new Map<string, number>();
  return choices.map((choice) => {
    if ((counts.get(choice.label) ?? 0) < 2) return choice;
    const base = choice.detail ? `${choice.label}（${choice.detail}）` : choice.label;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    // Same label and detail too (two 张伟, both mediators): numbered, still one name per person.
    const label =
      choices.filter((c) => c.label === choice.label && c.detail === choice.detail).length > 1
        ? `${base} ${n}`
        : base;
    return { ...choice, label };
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `resolveChoice` in an action: an id (what the enhanced picker posts) or nothing goes on as it is,
 * for the API to check; only typed text loads the choices to resolve it against.
 */
export async function resolvePostedChoice(
  posted: string,
  choices: () => Promise<readonly Choice[]> | readonly Choice[],
): Promise<ResolvedChoice> {
  if (!posted || UUID.test(posted)) return { id: posted };
  return resolveChoice(await choices(), posted);
}
