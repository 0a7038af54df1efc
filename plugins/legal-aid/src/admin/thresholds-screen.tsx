import { districtScreen, type ProcedureResult, useFormatDate } from '@linju/plugin-sdk/admin';
import { TextField } from '@linju/ui';
import { Link } from 'react-router';
import type { thresholds } from '../procedures/thresholds.ts';
import type { LegalAidKey } from './legal-aid-key.ts';
import { yuanInput } from './parse-yuan.ts';

/** The district's economic-hardship threshold (经济困难标准): the one in force, its history, a new one. */
export const thresholdsScreen = districtScreen<ProcedureResult<typeof thresholds>, LegalAidKey>({
  id: 'thresholds',
  page: 'thresholds',
  heading: (_data, t) => ({ title: t('legal-aid.thresholds.title') }),
  intents: {
    set: {
      procedure: 'setThreshold',
      fields: {
        effectiveFrom: 'legal-aid.thresholds.effective_from',
        monthlyPerCapitaIncome: 'legal-aid.thresholds.amount',
        basis: 'legal-aid.thresholds.basis',
      },
      input: (form) => ({
        effectiveFrom: form.effectiveFrom,
        monthlyPerCapitaIncome: yuanInput(form.monthlyPerCapitaIncome ?? ''),
        basis: form.basis,
      }),
      done: 'set',
    },
  },
  Component: ({ data, t, IntentForm }) => {
    const formatDate = useFormatDate();
    const current = data.thresholds.find((x) => x.effectiveFrom <= data.today);
    return (
      <>
        <p>
          <Link to=".." relative="path">
            {t('legal-aid.thresholds.back')}
          </Link>
        </p>
        <p>{t('legal-aid.thresholds.intro')}</p>
        <p>
          {current
            ? t('legal-aid.thresholds.current', {
                amount: `¥${current.monthlyPerCapitaIncome.toFixed(2)}`,
                date: formatDate(current.effectiveFrom),
              })
            : t('legal-aid.no_threshold')}
        </p>
        {data.thresholds.length > 0 ? (
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('legal-aid.thresholds.effective_from')}</th>
                <th scope="col">{t('legal-aid.thresholds.amount')}</th>
                <th scope="col">{t('legal-aid.thresholds.basis')}</th>
              </tr>
            </thead>
            <tbody>
              {data.thresholds.map((x) => (
                <tr key={x.effectiveFrom}>
                  <td>{formatDate(x.effectiveFrom)}</td>
                  <td>¥{x.monthlyPerCapitaIncome.toFixed(2)}</td>
                  <td>{x.basis}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <IntentForm
          intent="set"
          title={t('legal-aid.thresholds.set')}
          submit={t('legal-aid.thresholds.submit')}
        >
          {(f) => (
            <>
              <TextField
                {...f('effectiveFrom')}
                type="date"
                label={t('legal-aid.thresholds.effective_from')}
                defaultValue={f('effectiveFrom').defaultValue ?? data.today}
              />
              <TextField
                {...f('monthlyPerCapitaIncome')}
                inputMode="decimal"
                label={t('legal-aid.thresholds.amount')}
              />
              <TextField
                {...f('basis')}
                label={t('legal-aid.thresholds.basis')}
                hint={t('legal-aid.thresholds.basis_hint')}
              />
            </>
          )}
        </IntentForm>
      </>
    );
  },
});
