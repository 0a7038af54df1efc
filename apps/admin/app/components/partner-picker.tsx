import { type Choice, ChoicePicker, type IntentField, TextArea, useTranslate } from '@linju/ui';

/**
 * Where a case or a referral goes: a unit or partner chosen in the searchable picker (nothing
 * preselected), and the reason when the move needs one (a transfer, a reroute). The case page's
 * handling and referral forms all pick it this way; their actions resolve a typed name against the
 * same `organisationChoices`.
 */
export function PartnerPicker({
  field,
  choices,
  label,
  reason,
}: {
  field: ReturnType<IntentField>;
  choices: readonly Choice[];
  /** Who is chosen, when not a partner (`casePage.partner`). */
  label?: string;
  reason?: ReturnType<IntentField>;
}) {
  const t = useTranslate();
  return (
    <>
      <ChoicePicker {...field} label={label ?? t('casePage.partner')} choices={choices} />
      {reason ? <TextArea {...reason} label={t('casePage.reason')} rows={3} /> : null}
    </>
  );
}
