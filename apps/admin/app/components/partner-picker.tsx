import { type IntentField, TextArea, useTranslate } from '@linju/ui';
import { OrganisationSelect, type OrganisationSelectProps } from './organisation-select.tsx';

/**
 * Where a case or a referral goes: a unit or partner chosen from the tree (nothing preselected),
 * and the reason when the move needs one (a transfer, a reroute). The case page's handling and
 * referral forms all pick it this way.
 */
export function PartnerPicker({
  field,
  options,
  label,
  reason,
}: {
  field: ReturnType<IntentField>;
  options: OrganisationSelectProps['options'];
  /** Who is chosen, when not a partner (`casePage.partner`). */
  label?: string;
  reason?: ReturnType<IntentField>;
}) {
  const t = useTranslate();
  return (
    <>
      <OrganisationSelect
        {...field}
        label={label ?? t('casePage.partner')}
        options={options}
        placeholder="—"
      />
      {reason ? <TextArea {...reason} label={t('casePage.reason')} rows={3} /> : null}
    </>
  );
}
