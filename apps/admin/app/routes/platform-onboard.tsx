import type { MessageKey } from '@linju/i18n';
import {
  Alert,
  Button,
  brandPalette,
  Checkbox,
  Fieldset,
  SelectField,
  TextField,
  useLocale,
  useTranslate,
} from '@linju/ui';
import { data, Form, Link } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary } from '../components/form-errors.tsx';
import { PlatformShell } from '../components/page-shell.tsx';
import { getAdminContext } from '../context.ts';
import { type FormErrors, toFailedSubmission } from '../lib/api-errors.ts';
import { formText } from '../lib/form-data.ts';
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
import { type NamedService, serviceName } from '../lib/service-name.ts';
import { generateTemporaryPassword } from '../lib/temporary-password.ts';
import { platformPaths, tenantPaths } from '../lib/tenant-paths.ts';
import type { Route } from './+types/platform-onboard';

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
interface WizardState {
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
  const intent = formText(form, 'intent');
  const posted = formText(form, 'step');
  const step: OnboardingStep = isOnboardingStep(posted) ? posted : 'identity';
  // A post without the wizard's marker (a stale or hand-made form) starts again from the defaults.
  const offered = (await offeredServices(caller)).map((service) => service.id);
  const draft = formText(form, 'started') ? draftFromForm(form, offered) : emptyDraft(offered);

  if (intent === 'back') return wizard({ step: previousStep(step), draft });
  if (intent.startsWith('edit:')) {
    const target = intent.slice(5);
    return wizard({ step: isOnboardingStep(target) ? target : step, draft });
  }
  if (intent === 'next') {
    const fields = stepErrors(step, draft);
    if (Object.keys(fields).length > 0) return wizard({ step, draft, errors: { form: [], fields } }, 400);
    return wizard({ step: nextStep(step), draft });
  }
  if (intent !== 'create') return wizard({ step, draft });

  // Every step once more: a hand-made post could skip one.
  for (const check of ONBOARDING_STEPS) {
    const fields = stepErrors(check, draft);
    if (Object.keys(fields).length > 0)
      return wizard({ step: check, draft, errors: { form: [], fields } }, 400);
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
    const signIn = platformRedirectFor(error);
    if (signIn) return signIn;
    const failure = toFailedSubmission(error, {
      fields: ONBOARDING_FIELDS,
      fieldForPath: ONBOARDING_FIELD_FOR_PATH,
    });
    if (!failure) throw error;
    const back = firstStepWithErrors(Object.keys(failure.errors.fields)) ?? 'review';
    return wizard({ step: back, draft, errors: failure.errors }, failure.status);
  }
}

const FIELD_LABELS: Readonly<Record<keyof OnboardingDraft, MessageKey>> = {
  slug: 'onboard.slug',
  nameZh: 'onboard.name_zh',
  nameEn: 'onboard.name_en',
  divisionCode: 'onboard.division_code',
  timeZone: 'onboard.time_zone',
  centreNameZh: 'onboard.centre_name_zh',
  centreNameEn: 'onboard.centre_name_en',
  colour: 'onboard.colour',
  adminUsername: 'onboard.admin_username',
  adminDisplayName: 'onboard.admin_display_name',
  services: 'onboard.services',
};

const FIELD_HINTS: Partial<Record<keyof OnboardingDraft, MessageKey>> = {
  slug: 'onboard.slug_hint',
  divisionCode: 'onboard.division_code_hint',
  colour: 'onboard.colour_hint',
  adminUsername: 'onboard.admin_username_hint',
  services: 'onboard.services_hint',
};

const STEP_LABELS: Readonly<Record<OnboardingStep, MessageKey>> = {
  identity: 'onboard.step_identity',
  branding: 'onboard.step_branding',
  admin: 'onboard.step_admin',
  services: 'onboard.step_services',
  review: 'onboard.step_review',
};

export default function PlatformOnboard({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const { services } = loaderData;
  const state: WizardState = actionData ?? {
    step: 'identity',
    draft: emptyDraft(services.map((service) => service.id)),
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

function ServicesStep({
  draft,
  services,
  error,
}: {
  draft: OnboardingDraft;
  services: readonly NamedService[];
  error: string | undefined;
}) {
  const t = useTranslate();
  const locale = useLocale();
  return (
    <Fieldset id="services" legend={t(FIELD_LABELS.services)} hint={t('onboard.services_hint')} error={error}>
      {services.map((service) => (
        <Checkbox
          key={service.id}
          id={`service-${service.id}`}
          name="services"
          value={service.id}
          label={service.name[locale]}
          defaultChecked={draft.services.includes(service.id)}
        />
      ))}
    </Fieldset>
  );
}

/** The district's header as it will look, in the chosen colour (corrected for contrast as the app does). */
function BrandPreview({ draft }: { draft: OnboardingDraft }) {
  const t = useTranslate();
  const locale = useLocale();
  const palette = brandPalette(draft.colour);
  const name = (locale === 'en' ? draft.nameEn : draft.nameZh) || t('onboard.preview_name');
  return (
    <figure className="admin-brand-preview">
      <div
        className="admin-brand-preview__bar"
        style={{ background: palette.background, color: palette.foreground }}
      >
        <strong>{name}</strong> <span>{t('app.name')}</span>
      </div>
      <figcaption className="admin-muted">
        {palette.background.toLowerCase() === draft.colour.toLowerCase()
          ? t('onboard.preview_caption')
          : t('onboard.preview_adjusted', { colour: palette.background })}
      </figcaption>
    </figure>
  );
}

function Review({ draft, services }: { draft: OnboardingDraft; services: readonly NamedService[] }) {
  const t = useTranslate();
  const locale = useLocale();
  const rows: { step: OnboardingStep; items: [keyof OnboardingDraft, string][] }[] = [
    {
      step: 'identity',
      items: (
        ['nameZh', 'nameEn', 'slug', 'divisionCode', 'timeZone', 'centreNameZh', 'centreNameEn'] as const
      ).map((name) => [name, draft[name]]),
    },
    { step: 'branding', items: [['colour', draft.colour]] },
    {
      step: 'admin',
      items: [
        ['adminDisplayName', draft.adminDisplayName],
        ['adminUsername', draft.adminUsername],
      ],
    },
    {
      step: 'services',
      items: [
        [
          'services',
          draft.services.length > 0
            ? draft.services
                .map((service) => serviceName(services, service, locale))
                .join(locale === 'en' ? ', ' : '、')
            : t('onboard.no_services'),
        ],
      ],
    },
  ];
  return (
    <>
      <p>{t('onboard.review_intro')}</p>
      {rows.map(({ step, items }) => (
        <section key={step} className="admin-review" aria-labelledby={`review-${step}`}>
          <div className="admin-review__head">
            <h2 id={`review-${step}`}>{t(STEP_LABELS[step])}</h2>
            <Button
              type="submit"
              name="intent"
              value={`edit:${step}`}
              variant="secondary"
              className="admin-button--small"
            >
              {t('onboard.change')}
              <span className="lj-visually-hidden"> {t(STEP_LABELS[step])}</span>
            </Button>
          </div>
          <dl className="admin-details admin-details--grid">
            {items.map(([name, value]) => (
              <div key={name} className="admin-details__row">
                <dt>{t(FIELD_LABELS[name])}</dt>
                <dd>
                  {name === 'colour' ? (
                    <>
                      <span
                        className="admin-swatch"
                        style={{ background: brandPalette(value).background }}
                        aria-hidden="true"
                      />{' '}
                      <code>{value}</code>
                    </>
                  ) : (
                    value
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}

function Done({ draft, created }: { draft: OnboardingDraft; created: NonNullable<WizardState['created']> }) {
  const t = useTranslate();
  const locale = useLocale();
  const name = locale === 'en' ? draft.nameEn : draft.nameZh;
  return (
    <>
      <h1>{created.created ? t('onboard.done_title') : t('onboard.exists_title')}</h1>
      {created.created && created.temporaryPassword ? (
        <Alert tone="success" title={t('onboard.done_body', { name })}>
          <p>{t('onboard.done_admin', { username: draft.adminUsername })}</p>
          <p>
            <code className="admin-secret" data-testid="temporary-password">
              {created.temporaryPassword}
            </code>
          </p>
          <p>{t('staff.temporary_password_once')}</p>
          <p>{t('onboard.done_next')}</p>
        </Alert>
      ) : (
        <Alert tone="info">
          <p>{t('onboard.exists_body', { name })}</p>
        </Alert>
      )}
      <ul className="admin-list">
        <li>
          <a href={tenantPaths.login(created.slug)}>{t('onboard.open_login', { name })}</a>{' '}
          <code className="admin-muted">{tenantPaths.login(created.slug)}</code>
        </li>
        <li>
          <Link to={platformPaths.home}>{t('onboard.back_to_tenants')}</Link>
        </li>
      </ul>
    </>
  );
}

export { PlatformErrorBoundary as ErrorBoundary } from '../components/page-shell.tsx';
