import type { Locale } from '@linju/i18n';
import { Button, Fieldset, useTranslate } from '@linju/ui';
import { EMPTY_PARTY, PARTY_FIELD_LABELS, PARTY_FIELDS, type PartyValues } from '../lib/party-form.ts';
import { PartyFields } from './party-fields.tsx';

const rowsOf = (rows: readonly PartyValues[]) => (rows.length > 0 ? rows : [EMPTY_PARTY]);

/** The error summary's entries for the party rows ("当事人 1：身份证号码"), in page order. */
export const intakePartyLabels = (rows: readonly PartyValues[], t: ReturnType<typeof useTranslate>) =>
  rowsOf(rows).flatMap((_, n) =>
    PARTY_FIELDS.map((field) => ({
      name: `parties.${n}.${field}`,
      label: `${t('parties.intake_party', { n: n + 1 })}：${t(PARTY_FIELD_LABELS[field])}`,
    })),
  );

/**
 * The other parties of the matter at intake (above all the respondent of a dispute): one row to
 * start, another with "add another party" (a round trip, so it works without JavaScript). A row
 * without a name is not recorded.
 */
export function IntakeParties({
  rows,
  locale,
  error,
}: {
  rows: readonly PartyValues[];
  locale: Locale;
  error: (field: string) => string | undefined;
}) {
  const t = useTranslate();
  return (
    <Fieldset legend={t('parties.intake_heading')}>
      <p className="admin-muted">{t('parties.intake_hint')}</p>
      {rowsOf(rows).map((row, n) => (
        // Rows are positions in the form: the n-th row is `parties.<n>.*` whatever it holds.
        <Fieldset key={n} legend={t('parties.intake_party', { n: n + 1 })}>
          <PartyFields
            locale={locale}
            values={row}
            error={(field) => error(`parties.${n}.${field}`)}
            nameOf={(field) => `parties.${n}.${field}`}
            idOf={(field) => `parties.${n}.${field}`}
          />
        </Fieldset>
      ))}
      <Button type="submit" variant="secondary" name="intent" value="add-party" formNoValidate>
        {t('parties.intake_more')}
      </Button>
    </Fieldset>
  );
}
