import { formatDateTime, type MessageKey } from '@linju/i18n';
import { SelectField, TextArea, TextField, useLocale, useTranslate } from '@linju/ui';
import { Link, redirect, useLocation } from 'react-router';
import { CaseServiceHeader } from '../components/case-service-header.tsx';
import { IntentForm } from '../components/intent-form.tsx';
import { PageError } from '../components/page-error.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { adviserStatus, todayIn } from '../lib/advisers.ts';
import { districtDateTime, monthPeriod, parseCount } from '../lib/core-services.ts';
import { formText } from '../lib/form-data.ts';
import { organisationName } from '../lib/organisation-tree.ts';
import { ancestry, parentMap } from '../lib/permissions.ts';
import { idParam, isForbidden, load } from '../lib/route-errors.ts';
import {
  type failureOf,
  rejectIntent,
  rejectIntentApiError,
  rejectUnknownIntent,
} from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/case-consultation';

const CHANNELS = ['walk-in', 'hotline', 'online'] as const;
/** How many advisers the page lists before pointing to the advisers page. */
const DUTY_SHOWN = 8;
const FOLLOW_UPS = ['none', 'call-back', 'documents-requested', 'referred', 'new-case'] as const;

export async function loader({ params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const caseId = params.id;
  idParam(caseId);
  const found = await load(caller.case.get({ caseId }));
  const today = todayIn();
  const month = monthPeriod(today.slice(0, 7)) ?? { from: today, to: today };
  const unitId = found.currentOrganisationId;
  const [logs, organisations, advisers, statistics] = await Promise.all([
    load(caller.consultation.log.getMany({ caseId })),
    load(caller.organisation.getMany()),
    load(caller.adviser.getMany()),
    // The unit's figures this month; a desk without the right to see them just does not get them.
    caller.consultation
      .statistics({
        organisationId: unitId,
        from: `${month.from}T00:00:00+08:00`,
        to: `${month.to}T23:59:59+08:00`,
      })
      .catch((error: unknown) => {
        if (isForbidden(error)) return null;
        throw error;
      }),
  ]);
  // Community lawyer advisers under contract now in the unit's subtree (一居一法律顾问); the first
  // few here, the whole list on the advisers page.
  const parents = parentMap(organisations);
  const current = advisers.filter(
    (a) => ancestry(a.organisationId, parents).includes(unitId) && adviserStatus(a, today) === 'current',
  );
  const onDuty = current.slice(0, DUTY_SHOWN).map((a) => {
    const room = organisations.find((o) => o.id === a.organisationId);
    return {
      id: a.id,
      lawyerName: a.lawyerName,
      lawFirm: a.lawFirm,
      roomZh: room ? organisationName(room, 'zh-CN') : '',
      roomEn: room ? organisationName(room, 'en') : '',
    };
  });
  const channel = (found.form as Record<string, unknown> | null)?.channel;
  return {
    case: {
      id: found.id,
      number: found.number,
      channel: CHANNELS.find((c) => c === channel) ?? 'walk-in',
    },
    logs,
    onDuty,
    moreOnDuty: current.length - onDuty.length,
    statistics,
    now: today,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const caseId = params.id;
  const { caller } = getAdminContext(context);
  const form = await request.formData();
  const intent = formText(form, 'intent');
  const text = (name: string) => formText(form, name).trim();
  if (intent !== 'log') {
    return rejectUnknownIntent(intent);
  }
  const values = {
    channel: text('channel'),
    topic: text('topic'),
    adviserName: text('adviserName'),
    heldAt: text('heldAt'),
    durationMinutes: text('durationMinutes'),
    answer: text('answer'),
    followUp: text('followUp'),
    followUpNote: text('followUpNote'),
  };
  const minutes = parseCount(values.durationMinutes);
  if (minutes === undefined) {
    return rejectIntent(
      intent,
      { status: 400, errors: { form: [], fields: { durationMinutes: 'validation.out_of_range' } } },
      values,
    );
  }
  try {
    await caller.consultation.log.create({
      caseId,
      channel: CHANNELS.find((c) => c === values.channel) ?? 'walk-in',
      topic: values.topic,
      adviserName: values.adviserName,
      heldAt: districtDateTime(values.heldAt),
      durationMinutes: minutes,
      answer: values.answer,
      followUp: FOLLOW_UPS.find((f) => f === values.followUp) ?? 'none',
      ...(values.followUpNote ? { followUpNote: values.followUpNote } : {}),
    });
    return redirect(`${tenantPaths.case(slug, caseId)}/consultation?done=log`);
  } catch (error) {
    return rejectIntentApiError(intent, error, { fields: Object.keys(values), pathPrefix: '' }, values);
  }
}

const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  channel: 'consultationPage.channel',
  topic: 'consultationPage.topic',
  adviserName: 'consultationPage.adviser',
  heldAt: 'consultationPage.held_at',
  durationMinutes: 'consultationPage.duration',
  answer: 'consultationPage.answer',
  followUp: 'consultationPage.follow_up',
  followUpNote: 'consultationPage.follow_up_note',
};

export default function CaseConsultationPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const location = useLocation();
  const { tenant } = useTenantShell();
  const { case: c, logs, onDuty, moreOnDuty, statistics } = loaderData;
  const failure =
    actionData && 'errors' in actionData ? (actionData as ReturnType<typeof failureOf>) : undefined;
  // What was typed into a refused form, to fill it in again.
  const again = (intent: string, name: string) =>
    failure?.intent === intent ? failure.values[name] : undefined;
  const done = new URLSearchParams(location.search).get('done');
  const slug = tenant.slug;
  const channelLabel = (ch: string) => t(`consultationPage.channel_${ch}` as MessageKey);
  const followUpLabel = (f: string) => t(`consultationPage.follow_up_${f}` as MessageKey);

  return (
    <>
      <CaseServiceHeader
        title={t('consultationPage.title', { number: c.number })}
        caseRef={c}
        failure={failure}
        done={Boolean(done)}
        fieldLabels={FIELD_LABELS}
        otherFieldLabel="consultationPage.answer"
      />

      <section aria-labelledby="log-heading">
        <h2 id="log-heading">{t('consultationPage.log')}</h2>
        {logs.length > 0 ? (
          <ol>
            {logs.map((log) => (
              <li key={log.id}>
                <p>
                  <strong>{log.topic}</strong> · {channelLabel(log.channel)} ·{' '}
                  <time dateTime={log.heldAt}>{formatDateTime(locale, log.heldAt)}</time> ·{' '}
                  {t('consultationPage.minutes', { count: log.durationMinutes })} · {log.adviserName}
                </p>
                <p className="admin-prewrap">{log.answer}</p>
                <p>
                  {t('consultationPage.follow_up')}：{followUpLabel(log.followUp)}
                  {log.followUpNote ? ` · ${log.followUpNote}` : ''}
                </p>
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('consultationPage.no_logs')}</p>
        )}
        <IntentForm
          intent="log"
          title={t('consultationPage.write')}
          failure={failure}
          submit={t('consultationPage.submit')}
        >
          {(f) => (
            <>
              <TextField
                {...f('topic')}
                label={t('consultationPage.topic')}
                defaultValue={again('log', 'topic')}
              />
              <SelectField
                {...f('channel')}
                label={t('consultationPage.channel')}
                defaultValue={again('log', 'channel') ?? c.channel}
              >
                {CHANNELS.map((ch) => (
                  <option key={ch} value={ch}>
                    {channelLabel(ch)}
                  </option>
                ))}
              </SelectField>
              <TextField
                {...f('adviserName')}
                label={t('consultationPage.adviser')}
                defaultValue={again('log', 'adviserName')}
              />
              <TextField
                {...f('heldAt')}
                type="datetime-local"
                label={t('consultationPage.held_at')}
                defaultValue={again('log', 'heldAt')}
              />
              <TextField
                {...f('durationMinutes')}
                inputMode="numeric"
                label={t('consultationPage.duration')}
                defaultValue={again('log', 'durationMinutes')}
              />
              <TextArea
                {...f('answer')}
                label={t('consultationPage.answer')}
                rows={5}
                defaultValue={again('log', 'answer')}
              />
              <SelectField
                {...f('followUp')}
                label={t('consultationPage.follow_up')}
                defaultValue={again('log', 'followUp')}
              >
                {FOLLOW_UPS.map((x) => (
                  <option key={x} value={x}>
                    {followUpLabel(x)}
                  </option>
                ))}
              </SelectField>
              <TextArea
                {...f('followUpNote')}
                label={t('consultationPage.follow_up_note')}
                hint={t('consultationPage.follow_up_note_hint')}
                rows={2}
                defaultValue={again('log', 'followUpNote')}
              />
            </>
          )}
        </IntentForm>
      </section>

      <section aria-labelledby="duty-heading">
        <h2 id="duty-heading">{t('consultationPage.on_duty')}</h2>
        {onDuty.length > 0 ? (
          <ul>
            {onDuty.map((a) => (
              <li key={a.id}>
                {a.lawyerName}（{a.lawFirm}）· {locale === 'en' ? a.roomEn : a.roomZh}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('consultationPage.no_duty')}</p>
        )}
        <p>
          {moreOnDuty > 0 ? (
            <>
              <Link to={tenantPaths.advisers(slug)}>
                {t('consultationPage.more_advisers', { count: moreOnDuty })}
              </Link>
              {' · '}
            </>
          ) : null}
          <Link to={tenantPaths.rosters(slug)}>{t('consultationPage.rota')}</Link>
        </p>
      </section>

      {statistics ? (
        <section aria-labelledby="durations-heading">
          <h2 id="durations-heading">{t('consultationPage.durations')}</h2>
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('consultationPage.channel')}</th>
                <th scope="col">{t('consultationPage.count')}</th>
                <th scope="col">{t('consultationPage.total')}</th>
                <th scope="col">{t('consultationPage.average')}</th>
                <th scope="col">{t('consultationPage.longest')}</th>
              </tr>
            </thead>
            <tbody>
              {[
                ...CHANNELS.map((ch) => [ch, statistics.byChannel[ch]] as const),
                ['all', statistics.all] as const,
              ].map(([ch, s]) => (
                <tr key={ch}>
                  <th scope="row">{ch === 'all' ? t('consultationPage.all') : channelLabel(ch)}</th>
                  <td>{s.consultations}</td>
                  <td>{t('consultationPage.minutes', { count: s.totalMinutes })}</td>
                  <td>{t('consultationPage.minutes', { count: s.averageMinutes })}</td>
                  <td>{t('consultationPage.minutes', { count: s.longestMinutes })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
