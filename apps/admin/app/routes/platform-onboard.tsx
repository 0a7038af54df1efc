import { Alert, Button, SelectField, TextField, useTranslate } from '@linju/ui';
import { data, Form, Link } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary } from '../components/form-errors.tsx';
import { PlatformShell } from '../components/page-shell.tsx';
import { getAdminContext } from '../context.ts';
import { type FormErrors, toFailedSubmission } from '../lib/api-errors.ts';
import { formText } from '../lib/form-data.ts';
import { intent, intentAction } from '../lib/intent-action.ts';
import {
  DRAFT_TEXT_FIELDS,
  draftFromForm,
  emptyDraft,
  firstStepWithErrors,
  isOnboardingStep,
  nextStep,
  ONBOARDING_FIELD_FOR_PATH,
  ONBOARDING_FIELDS,
  ONBOARDING_STEPS,
  type OnboardingDraft,
  type OnboardingStep,
  onboardingRequest,
  previousStep,
  STEP_FIELDS,
  stepErrors,
} from '../lib/onboarding.ts';
import { platformRedirectFor } from '../lib/platform-session.ts';
import { generateTemporaryPassword } from '../lib/temporary-password.ts';
import { platformPaths } from '../lib/tenant-paths.ts';
import type { Route } from './+types/platform-onboard';
import { BrandPreview } from './platform-onboard/brand-preview.tsx';
import { Done } from './platform-onboard/done.tsx';
import { Review } from './platform-onboard/review.tsx';
import { ServicesStep } from './platform-onboard/services-step.tsx';
import { FIELD_HINTS, FIELD_LABELS, STEP_LABELS } from './platform-onboard/wizard-labels.ts';

/** Mainland China, Hong Kong and Macao keep one of these; the list stays short enough to scan. */
function timeZoneChoices(): string[] {
  return Intl.supportedValuesOf('timeZone').filter((zone) => zone.startsWith('Asia/'));
}

/** The services a new district may start with: the installed core services (X services are a street's choice). */
async function offeredServices(caller: ReturnType<typeof getAdminContext>['caller']) {
  return (await caller.catalogue.installed()).filter((service) => service.kind === 'core');
}

export async function loader({ context }: Route.LoaderArgs) {
  return { timeZones: timeZoneChoices(), services: await offeredServices(getAdminContext(context).caller) };
}

/** Where the wizard stands after a post: the step to show, what was typed, and any problems. */
export interface WizardState {
  step: OnboardingStep | 'done';
  draft: OnboardingDraft;
  errors?: FormErrors;
  created?: { slug: string; created: boolean; temporaryPassword: string | null };
}

const wizard = (state: WizardState, status = 200) => data(state, { status });

/**
 * Each step posts the whole draft (the current step's fields, hidden copies of the others), so the
 * wizard needs no session storage and works without JavaScript. Only the last step changes anything.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const { caller } = getAdminContext(context);
  const form = await request.formData();
  const posted = formText(form, 'step');
  const step: OnboardingStep = isOnboardingStep(posted) ? posted : 'identity';
  // A post without the wizard's marker (a stale or hand-made form) starts again from the defaults.
  const offered = (await offeredServices(caller)).map((service) => service.id);
  const draft = formText(form, 'started') ? draftFromForm(form, offered) : emptyDraft(offered);
  const refused = (at: OnboardingStep, errors: FormErrors, status: number) =>
    wizard({ step: at, draft, errors }, status);
  return intentAction(
    form,
    {
      back: intent({ run: () => wizard({ step: previousStep(step), draft }) }),
      ...Object.fromEntries(
        ONBOARDING_STEPS.map((target) => [
          `edit:${target}`,
          intent({ run: () => wizard({ step: target, draft }) }),
        ]),
      ),
      next: intent({
        run: () => {
          const fields = stepErrors(step, draft);
          if (Object.keys(fields).length > 0) return refused(step, { form: [], fields }, 400);
          return wizard({ step: nextStep(step), draft });
        },
      }),
      create: intent({
        run: async () => {
          // Every step once more: a hand-made post could skip one.
          for (const check of ONBOARDING_STEPS) {
            const fields = stepErrors(check, draft);
            if (Object.keys(fields).length > 0) return refused(check, { form: [], fields }, 400);
          }
          // The first administrator's password is made here and shown once; they must change it at first sign-in.
          const temporaryPassword = generateTemporaryPassword();
          try {
            const result = await caller.platform.tenant.create(onboardingRequest(draft, temporaryPassword));
            return wizard({
              step: 'done',
              draft,
              // Onboarding is idempotent: the same district again creates nothing, and the password was not used.
              created: {
                slug: result.slug,
                created: result.created,
                temporaryPassword: result.created ? temporaryPassword : null,
              },
            });
          } catch (error) {
            // An ended session goes to the sign-in (`redirectFor`); a refusal back to the step it concerns.
            const failure = platformRedirectFor(error)
              ? undefined
              : toFailedSubmission(error, {
                  fields: ONBOARDING_FIELDS,
                  fieldForPath: ONBOARDING_FIELD_FOR_PATH,
                });
            if (!failure) throw error;
            const back = firstStepWithErrors(Object.keys(failure.errors.fields)) ?? 'review';
            return refused(back, failure.errors, failure.status);
          }
        },
      }),
    },
    { done: () => platformPaths.home, redirectFor: platformRedirectFor },
  );
}

export default function PlatformOnboard({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const { services } = loaderData;
  // A post the wizard does not know (a stale or hand-made form) starts again, saying so.
  const state: WizardState =
    actionData && 'step' in actionData
      ? actionData
      : {
          step: 'identity',
          draft: emptyDraft(services.map((service) => service.id)),
          ...(actionData && 'errors' in actionData ? { errors: actionData.errors } : {}),
        };
  const { step, draft, errors } = state;
  if (step === 'done' && state.created) {
    return (
      <PlatformShell title={t('onboard.done_title')} signedIn>
        <Done draft={draft} created={state.created} />
      </PlatformShell>
    );
  }
  const current: OnboardingStep = step === 'done' ? 'review' : step;
  const position = ONBOARDING_STEPS.indexOf(current) + 1;
  const fieldError = (name: keyof OnboardingDraft) => {
    const key = errors?.fields[name];
    return key ? t(key, errors?.params) : undefined;
  };
  const summaryFields = STEP_FIELDS[current].map((name) => ({
    name,
    label: t(FIELD_LABELS[name]),
    id: name === 'services' ? 'services' : name,
  }));
  return (
    <PlatformShell title={`${t(STEP_LABELS[current])} · ${t('onboard.title')}`} signedIn>
      <FormErrorSummary errors={errors} fields={summaryFields} />
      <p className="admin-muted">{t('onboard.step_of', { n: position, total: ONBOARDING_STEPS.length })}</p>
      <h1>
        <span className="lj-visually-hidden">{t('onboard.title')}: </span>
        {t(STEP_LABELS[current])}
      </h1>
      <ol className="admin-steps" aria-label={t('onboard.steps_label')}>
        {ONBOARDING_STEPS.map((name, index) => (
          <li
            key={name}
            aria-current={name === current ? 'step' : undefined}
            className={index + 1 < position ? 'admin-steps__done' : undefined}
          >
            {t(STEP_LABELS[name])}
          </li>
        ))}
      </ol>

      <Form method="post" className="lj-form admin-wizard" noValidate>
        <CsrfField />
        <input type="hidden" name="started" value="1" />
        <input type="hidden" name="step" value={current} />
        {/* The other steps' answers travel along, hidden. */}
        {DRAFT_TEXT_FIELDS.filter((name) => !(STEP_FIELDS[current] as readonly string[]).includes(name)).map(
          (name) => (
            <input key={name} type="hidden" name={name} value={draft[name]} />
          ),
        )}
        {current !== 'services'
          ? draft.services.map((service) => (
              <input key={service} type="hidden" name="services" value={service} />
            ))
          : null}

        {current === 'identity' ? (
          <>
            <p>{t('onboard.identity_intro')}</p>
            {(['nameZh', 'nameEn', 'slug', 'divisionCode'] as const).map((name) => (
              <TextField
                key={name}
                name={name}
                label={t(FIELD_LABELS[name])}
                hint={FIELD_HINTS[name] ? t(FIELD_HINTS[name]) : undefined}
                defaultValue={draft[name]}
                error={fieldError(name)}
                required
                autoComplete="off"
                spellCheck={name === 'slug' || name === 'divisionCode' ? false : undefined}
                autoCapitalize={name === 'slug' ? 'none' : undefined}
                inputMode={name === 'divisionCode' ? 'numeric' : undefined}
                lang={name === 'nameZh' ? 'zh-CN' : name === 'nameEn' ? 'en' : undefined}
                className={name === 'divisionCode' ? 'admin-field--short' : undefined}
              />
            ))}
            <SelectField
              name="timeZone"
              label={t(FIELD_LABELS.timeZone)}
              defaultValue={draft.timeZone}
              error={fieldError('timeZone')}
            >
              {[...new Set([draft.timeZone, ...loaderData.timeZones])].map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </SelectField>
            <h2>{t('onboard.centre_heading')}</h2>
            <p>{t('onboard.centre_intro')}</p>
            {(['centreNameZh', 'centreNameEn'] as const).map((name) => (
              <TextField
                key={name}
                name={name}
                label={t(FIELD_LABELS[name])}
                defaultValue={draft[name]}
                error={fieldError(name)}
                required
                autoComplete="off"
                lang={name === 'centreNameZh' ? 'zh-CN' : 'en'}
              />
            ))}
          </>
        ) : null}

        {current === 'branding' ? (
          <>
            <p>{t('onboard.branding_intro')}</p>
            <TextField
              name="colour"
              type="color"
              label={t(FIELD_LABELS.colour)}
              hint={t('onboard.colour_hint')}
              defaultValue={draft.colour}
              error={fieldError('colour')}
              className="admin-colour-field"
            />
            <BrandPreview draft={draft} />
          </>
        ) : null}

        {current === 'admin' ? (
          <>
            <p>{t('onboard.admin_intro')}</p>
            <TextField
              name="adminDisplayName"
              label={t(FIELD_LABELS.adminDisplayName)}
              defaultValue={draft.adminDisplayName}
              error={fieldError('adminDisplayName')}
              required
              autoComplete="off"
            />
            <TextField
              name="adminUsername"
              label={t(FIELD_LABELS.adminUsername)}
              hint={t('onboard.admin_username_hint')}
              defaultValue={draft.adminUsername}
              error={fieldError('adminUsername')}
              required
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
            />
            <Alert tone="info">
              <p>{t('onboard.admin_password_note')}</p>
            </Alert>
          </>
        ) : null}

        {current === 'services' ? (
          <ServicesStep draft={draft} services={services} error={fieldError('services')} />
        ) : null}

        {current === 'review' ? <Review draft={draft} services={services} /> : null}

        <div className="admin-wizard__buttons">
          {/* The forward button comes first, so Enter in a field moves on rather than back. */}
          {current === 'review' ? (
            <Button type="submit" name="intent" value="create">
              {t('onboard.create_submit')}
            </Button>
          ) : (
            <Button type="submit" name="intent" value="next">
              {t('onboard.next')}
            </Button>
          )}
          {position > 1 ? (
            <Button type="submit" name="intent" value="back" variant="secondary" formNoValidate>
              {t('onboard.back')}
            </Button>
          ) : null}
        </div>
      </Form>
      <p>
        <Link to={platformPaths.home}>{t('onboard.cancel')}</Link>
      </p>
    </PlatformShell>
  );
}

export { PlatformErrorBoundary as ErrorBoundary } from '../components/page-shell.tsx';
