import type { MessageKey } from '@linju/i18n';
import type { IntentField } from '@linju/plugin-sdk/admin';
import { failureOf, SelectField, TextArea, TextField, useLocale, useTranslate } from '@linju/ui';
import { HOME_VISIT_GROUPS, ONLINE_QUESTION_TOPICS } from '@linju/vocabulary';
import type { ReactNode } from 'react';
import { data, redirect, useActionData, useRouteError } from 'react-router';
import { PageError } from '../../components/page-error.tsx';
import { DocumentTitle } from '../../components/page-shell.tsx';
import { usePublicIntentForm } from '../../components/public/public-intent-form.tsx';
import { ScreenOffer } from '../../components/public/screen-offer.tsx';
import { getAdminContext } from '../../context.ts';
import { carriedQuestionFrom, carryQuestion, clearCarriedQuestion } from '../../lib/carried-question.ts';
import { formText } from '../../lib/form-data.ts';
import { honeypotFilled } from '../../lib/honeypot.ts';
import { publicOffers } from '../../lib/hosted-screens.ts';
import { intent, intentAction } from '../../lib/intent-action.ts';
import { publicSitePaths } from '../../lib/public-site-paths.ts';
import { requireResident } from '../../lib/resident.server.ts';
import { load } from '../../lib/route-errors.ts';
import { tenantSlugFrom } from '../../lib/tenant-paths.ts';
import type { Route } from './+types/apply';

const WHO = ['name', 'organisationId'] as const;
const REQUESTS = {
  question: [...WHO, 'topic', 'question'],
  dispute: [...WHO, 'otherParty', 'whatHappened'],
  'home-visit': [...WHO, 'forWhom', 'address', 'reason'],
} as const;
type RequestKind = keyof typeof REQUESTS;
type Field = (name: string) => IntentField;

/** What one can ask for online: the platform's requests for triage, and the services' own application screens. */
export async function loader(args: Route.LoaderArgs) {
  const { params, url, context } = args;
  const resident = await requireResident(args);
  const { caller } = getAdminContext(context);
  const places = await load(caller.application.places());
  // A QR code at a service point names it: the place comes chosen.
  const from = url.searchParams.get('from');
  const slug = tenantSlugFrom(params);
  // A question carried from another page (the legal assistant) fills the forms once.
  const carried = carriedQuestionFrom(args.request);
  const secure = url.protocol === 'https:';
  return data(
    {
      slug,
      phoneMasked: resident.phoneMasked,
      places,
      from: places.some((p) => p.id === from) ? from : null,
      offers: publicOffers('apply'),
      carried,
    },
    carried ? { headers: { 'Set-Cookie': clearCarriedQuestion(slug, { secure }) } } : undefined,
  );
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const form = await request.formData();
  if (honeypotFilled(form)) return redirect(publicSitePaths.apply(slug));
  // "Apply" from another page of the site: the question goes along (posted, never in the address),
  // through proving the phone if need be.
  if (form.get('intent') === 'carry')
    // Back to the address posted to: it may name the service (`?service=`).
    return redirect(`${publicSitePaths.apply(slug)}${new URL(request.url).search}`, {
      headers: {
        'Set-Cookie': carryQuestion(formText(form, 'question'), slug, {
          secure: new URL(request.url).protocol === 'https:',
        }),
      },
    });
  const send = (kind: RequestKind) =>
    intent({
      fields: REQUESTS[kind],
      required: REQUESTS[kind],
      run: async (values) => {
        const sent = await caller.application.submit({ kind, ...values } as never);
        return redirect(publicSitePaths.applied(slug, sent.number));
      },
    });
  return intentAction(
    form,
    { question: send('question'), dispute: send('dispute'), 'home-visit': send('home-visit') },
    { done: () => publicSitePaths.apply(slug) },
  );
}

export default function PublicApply({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const actionData = useActionData();
  const intentName = (actionData as { intent?: unknown } | undefined)?.intent;
  const IntentForm = usePublicIntentForm(
    typeof intentName === 'string' ? failureOf(actionData, intentName) : undefined,
  );
  const { slug, phoneMasked, places, from, offers, carried } = loaderData;
  const who = (f: Field) => (
    <>
      <SelectField
        {...f('organisationId')}
        defaultValue={f('organisationId').defaultValue ?? from ?? ''}
        label={t('publicApply.place_label')}
        hint={t('publicApply.place_hint')}
      >
        <option value="">{t('publicApply.place_choose')}</option>
        {places.map((place) => (
          <option key={place.id} value={place.id}>
            {locale === 'en' ? (place.nameEn ?? place.nameZh) : place.nameZh}
          </option>
        ))}
      </SelectField>
      <TextField {...f('name')} label={t('publicApply.name_label')} autoComplete="name" />
    </>
  );
  const kindSection = (kind: RequestKind, fields: (f: Field) => ReactNode) => (
    <section aria-labelledby={`apply-${kind}`}>
      <h2 id={`apply-${kind}`}>{t(`publicApply.kind.${kind}` as MessageKey)}</h2>
      <p>{t(`publicApply.kind.${kind}_intro` as MessageKey)}</p>
      <IntentForm
        intent={kind}
        title={t(`publicApply.kind.${kind}` as MessageKey)}
        submit={t('publicApply.submit')}
      >
        {(f) => (
          <>
            {who(f)}
            {fields(f)}
          </>
        )}
      </IntentForm>
    </section>
  );
  return (
    <>
      <DocumentTitle title={t('publicApply.title')} />
      <h1>{t('publicApply.title')}</h1>
      <p>{t('publicApply.intro')}</p>
      <p>{t('publicApply.verified_as', { phone: phoneMasked })}</p>
      {kindSection('question', (f) => (
        <>
          <SelectField {...f('topic')} label={t('publicApply.topic_label')}>
            <option value="">{t('publicApply.place_choose')}</option>
            {ONLINE_QUESTION_TOPICS.map((topic) => (
              <option key={topic} value={topic}>
                {t(`publicApply.topic.${topic}`)}
              </option>
            ))}
          </SelectField>
          <TextArea
            {...f('question')}
            defaultValue={f('question').defaultValue ?? carried ?? undefined}
            label={t('publicApply.question_label')}
            hint={t('publicApply.question_hint')}
          />
        </>
      ))}
      {kindSection('dispute', (f) => (
        <>
          <TextField {...f('otherParty')} label={t('publicApply.other_party_label')} />
          <TextArea
            {...f('whatHappened')}
            defaultValue={f('whatHappened').defaultValue ?? carried ?? undefined}
            label={t('publicApply.what_happened_label')}
          />
        </>
      ))}
      {kindSection('home-visit', (f) => (
        <>
          <SelectField {...f('forWhom')} label={t('publicApply.for_whom_label')}>
            <option value="">{t('publicApply.place_choose')}</option>
            {HOME_VISIT_GROUPS.map((group) => (
              <option key={group} value={group}>
                {t(`publicApply.for_whom.${group}`)}
              </option>
            ))}
          </SelectField>
          <TextField {...f('address')} label={t('publicApply.address_label')} autoComplete="street-address" />
          <TextArea {...f('reason')} label={t('publicApply.reason_label')} />
        </>
      ))}
      {offers.map((offer) => (
        <ScreenOffer
          key={`${offer.pluginId}.${offer.screenId}`}
          offer={offer}
          slug={slug}
          open={t('publicApply.open_screen')}
        />
      ))}
    </>
  );
}

export function ErrorBoundary() {
  return <PageError error={useRouteError()} />;
}
