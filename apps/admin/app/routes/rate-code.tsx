import { isMessageKey, type MessageKey } from '@linju/i18n';
import { Alert, Button, Fieldset, TextArea, useLocale, useTranslate } from '@linju/ui';
import { Form } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { RatingCodeForm } from '../components/rating-code-form.tsx';
import { ResidentShell } from '../components/resident-shell.tsx';
import { getAdminContext } from '../context.ts';
import { isTrpcError } from '../lib/api-errors.ts';
import { formText } from '../lib/form-data.ts';
import { parseRating } from '../lib/rating.ts';
import type { Route } from './+types/rate-code';

/** The API's refusal as a message key (used, expired, unknown code, too many tries); faults rethrown. */
function refusalOf(error: unknown): MessageKey {
  if (isTrpcError(error) && isMessageKey(error.message)) return error.message;
  throw error;
}

/** Checks the code first, so a used or expired one is said at once instead of after the form. */
export async function loader({ params, context }: Route.LoaderArgs) {
  try {
    const found = await getAdminContext(context).caller.rating.check({ code: params.code });
    return { ok: true as const, tenantNameZh: found.tenantNameZh, tenantNameEn: found.tenantNameEn };
  } catch (error) {
    return { ok: false as const, refusal: refusalOf(error) };
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await request.formData();
  const score = parseRating(formText(form, 'score'));
  const comment = formText(form, 'comment').trim();
  if (score === undefined)
    return { done: false as const, refusal: 'case.score_range' as MessageKey, comment };
  try {
    await getAdminContext(context).caller.rating.submit({
      code: params.code,
      score,
      comment: comment || null,
    });
    return { done: true as const };
  } catch (error) {
    return { done: false as const, refusal: refusalOf(error), comment };
  }
}

export default function RateCode({ loaderData, actionData, params }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const districtName = loaderData.ok
    ? locale === 'en'
      ? loaderData.tenantNameEn
      : loaderData.tenantNameZh
    : undefined;
  if (actionData?.done) {
    return (
      <ResidentShell title={t('rate.title')} districtName={districtName}>
        <h1>{t('rate.title')}</h1>
        <Alert tone="success">{t('rate.thanks')}</Alert>
      </ResidentShell>
    );
  }
  const refusal = actionData?.refusal ?? (loaderData.ok ? undefined : loaderData.refusal);
  const scoreError = refusal === 'case.score_range' ? t(refusal) : undefined;
  return (
    <ResidentShell title={t('rate.title')} districtName={districtName}>
      <h1>{t('rate.title')}</h1>
      {refusal && !scoreError && loaderData.ok ? <Alert tone="error">{t(refusal)}</Alert> : null}
      {loaderData.ok ? (
        <>
          <p>{t('rate.district', { name: districtName ?? '' })}</p>
          <Form method="post" className="lj-form">
            <CsrfField />
            <Fieldset legend={t('rate.score')} error={scoreError}>
              {(['5', '4', '3', '2', '1'] as const).map((s) => (
                <div key={s} className="lj-checkbox">
                  <input
                    className="lj-checkbox__input"
                    type="radio"
                    id={`score-${s}`}
                    name="score"
                    value={s}
                  />
                  <label className="lj-checkbox__label" htmlFor={`score-${s}`}>
                    {t(`rate.score_${s}`)}
                  </label>
                </div>
              ))}
            </Fieldset>
            <TextArea
              name="comment"
              label={t('rate.comment')}
              maxLength={1000}
              defaultValue={actionData && !actionData.done ? actionData.comment : ''}
            />
            <Button type="submit">{t('rate.submit')}</Button>
          </Form>
        </>
      ) : (
        <RatingCodeForm error={refusal ? t(refusal) : undefined} defaultValue={params.code} />
      )}
    </ResidentShell>
  );
}
