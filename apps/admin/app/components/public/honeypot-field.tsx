import { useTranslate } from '@linju/ui';

/** The honeypot's field name: a public form's action refuses, quietly, a post that filled it. */
export const HONEYPOT_FIELD = 'website';

/**
 * A field people never see nor reach (off screen, out of the tab order, hidden from screen
 * readers) that form-filling robots fill: the catch of every public form.
 */
export function HoneypotField() {
  const t = useTranslate();
  return (
    <div className="lj-visually-hidden" aria-hidden="true">
      <label htmlFor={HONEYPOT_FIELD}>{t('publicResident.honeypot')}</label>
      <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" />
    </div>
  );
}
