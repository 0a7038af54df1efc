import { useTranslate } from '@linju/ui';
import { HONEYPOT_FIELD } from '../../lib/honeypot.ts';

/** The honeypot of a public form: hidden from sight and from screen readers, so people leave it empty. */
export function HoneypotField() {
  const t = useTranslate();
  return (
    <div hidden>
      <label htmlFor={`${HONEYPOT_FIELD}-trap`}>{t('publicApply.honeypot_label')}</label>
      <input id={`${HONEYPOT_FIELD}-trap`} name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" />
    </div>
  );
}
