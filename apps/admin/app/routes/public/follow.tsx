import { formatDate } from '@linju/i18n';
import { Button, failureOf, TextField, useLocale, useTranslate } from '@linju/ui';
import { Form, Link, redirect } from 'react-router';
import { CsrfField } from '../../components/csrf-field.tsx';
import { FormErrorSummary } from '../../components/form-errors.tsx';
import { DocumentTitle } from '../../components/page-shell.tsx';
import { HoneypotField } from '../../components/public/honeypot-field.tsx';
import { getAdminContext } from '../../context.ts';
import { intent, intentAction } from '../../lib/intent-action.ts';
import { publicSitePaths } from '../../lib/public-site-paths.ts';
import { requireResident } from '../../lib/resident.server.ts';
import { tenantSlugFrom } from '../../lib/tenant-paths.ts';
import type { Route } from './+types/follow';

/**
 * 我的事项: the matters of the phone the resident proved, in this district; and finding one by its
 * number among them. A number that is not theirs is answered as one that does not exist.
 */
export async function loader(args: Route.LoaderArgs) {
  const slug = tenantSlugFrom(args.params);
  const { phoneMasked } = await requireResident(args);
  const matters = await getAdminContext(args.context).caller.follow.getMany();
  return { slug, phoneMasked, matters };
}

export async function action(args: Route.ActionArgs) {
  const slug = tenantSlugFrom(args.params);
  await requireResident(args);
  const { caller } = getAdminContext(args.context);
  return intentAction(
    args.request,
    {
      find: intent({
        fields: ['number'],
        required: ['number'],
        run: async ({ number }, { refuse }) => {
          const wanted = number.replace(/\s/g, '').toUpperCase();
          const matter = (await caller.follow.getMany()).find((m) => m.number.toUpperCase() === wanted);
          if (!matter) return refuse({ number: 'publicResident.follow_not_found' });
          return redirect(publicSitePaths.followMatter(slug, matter.id));
        },
      }),
    },
    { done: () => publicSitePaths.follow(slug) },
  );
}

export default function Follow({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { slug, phoneMasked, matters } = loaderData;
  const failure = failureOf(actionData, 'find');
  const numberError = failure?.errors.fields.number;
  return (
    <>
      <DocumentTitle title={t('publicResident.follow_title')} />
      <h1>{t('publicResident.follow_title')}</h1>
      <p>{t('publicResident.follow_intro', { phone: phoneMasked })}</p>
      {matters.length === 0 ? (
        <p>{t('publicResident.follow_none')}</p>
      ) : (
        <ul className="lj-list">
          {matters.map((matter) => (
            <li key={matter.id}>
              <Link to={publicSitePaths.followMatter(slug, matter.id)}>{matter.number}</Link>
              {' · '}
              {t(`publicResident.status.${matter.status}`)}
              {' · '}
              {t('publicResident.follow_received_on', { date: formatDate(locale, matter.receivedAt) })}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('publicResident.follow_find')}</h2>
      <FormErrorSummary
        errors={failure?.errors}
        fields={[{ name: 'number', label: t('publicResident.follow_number') }]}
      />
      <Form method="post" className="lj-form" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="find" />
        <TextField
          label={t('publicResident.follow_number')}
          hint={t('publicResident.follow_number_hint')}
          name="number"
          autoComplete="off"
          required
          defaultValue={failure?.values.number}
          error={numberError ? t(numberError, failure?.errors.params) : undefined}
        />
        <HoneypotField />
        <Button type="submit">{t('publicResident.follow_find')}</Button>
      </Form>
    </>
  );
}
