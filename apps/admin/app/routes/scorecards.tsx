import { formatDateTime, type MessageKey } from '@linju/i18n';
import { Alert, Button, SelectField, TextField, useLocale, useTranslate } from '@linju/ui';
import { Form, Link, redirect } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary, useFieldError } from '../components/form-errors.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { usePeriodLabel } from '../components/period-select.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { todayIn } from '../lib/advisers.ts';
import { localFailure } from '../lib/api-errors.ts';
import { isQuarter, percent, quarterOfDay, recentQuarters } from '../lib/inspections.ts';
import { intent, intentAction } from '../lib/intent-action.ts';
import { allowsTenantWide, parentMap } from '../lib/permissions.ts';
import { load } from '../lib/route-errors.ts';
import { signedInPerson } from '../lib/session.ts';
import { failureOf } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/scorecards';

const WEIGHT_FIELDS = ['basic', 'outcome', 'satisfaction'] as const;
/** The grading's fields, named by their API path so refusals land next to them. */
const GRADING_FIELDS = [
  { name: 'grading.A.from', grade: 'A', part: 'from' },
  { name: 'grading.A.points', grade: 'A', part: 'points' },
  { name: 'grading.B.from', grade: 'B', part: 'from' },
  { name: 'grading.B.points', grade: 'B', part: 'points' },
  { name: 'grading.C.from', grade: 'C', part: 'from' },
  { name: 'grading.C.points', grade: 'C', part: 'points' },
  { name: 'grading.D.points', grade: 'D', part: 'points' },
] as const;
const SETTINGS_FIELDS = [...WEIGHT_FIELDS, ...GRADING_FIELDS.map((f) => f.name)];
const DONE_MESSAGES = {
  settings: 'scorecards.done_settings',
  published: 'scorecards.done_published',
} as const satisfies Record<string, MessageKey>;
type Done = keyof typeof DONE_MESSAGES;
const isDone = (value: string | null): value is Done => value !== null && Object.hasOwn(DONE_MESSAGES, value);

/** 站点考核: each station's points for a quarter, the district's weights, and the published snapshot. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const grants = me.user.roles.map(({ role, organisationId }) => ({ role, organisationId }));
  const search = new URL(request.url).searchParams;
  const today = todayIn();
  const wanted = search.get('quarter');
  const quarter = isQuarter(wanted) ? wanted : quarterOfDay(today);
  const [scorecard, organisations] = await Promise.all([
    load(caller.scorecard.get({ quarter })),
    load(caller.organisation.getMany()),
  ]);
  const done = search.get('done');
  return {
    scorecard,
    quarter,
    quarters: recentQuarters(today),
    canManage: allowsTenantWide(grants, 'scorecard.manage', parentMap(organisations)),
    done: isDone(done) ? done : null,
  };
}

/**
 * The settings form as numbers: weights whole, thresholds with one decimal at most, points with two
 * (`.` or `，`/`,` as the decimal mark). What is not a number is refused here, next to its field;
 * ranges and order are the API's to judge.
 */
function parseSettings(values: Record<string, string>) {
  const numberOf = (name: string, pattern: RegExp) => {
    const text = (values[name] ?? '').replace(/[,，]/, '.');
    return pattern.test(text) ? Number(text) : undefined;
  };
  const weights = WEIGHT_FIELDS.map((name) => numberOf(name, /^\d{1,3}$/));
  const grading = GRADING_FIELDS.map((f) =>
    numberOf(f.name, f.part === 'from' ? /^\d{1,3}(\.\d)?$/ : /^\d{1,3}(\.\d{1,2})?$/),
  );
  const failure = localFailure(
    Object.fromEntries([
      ...WEIGHT_FIELDS.map((name, i) => [
        name,
        weights[i] === undefined ? 'scorecard.weight_invalid' : undefined,
      ]),
      ...GRADING_FIELDS.map((f, i) => [
        f.name,
        grading[i] !== undefined
          ? undefined
          : f.part === 'from'
            ? 'scorecard.grade_from_invalid'
            : 'scorecard.grade_points_invalid',
      ]),
    ]),
  );
  if (failure) return { ok: false as const, failure };
  const [basic = 0, outcome = 0, satisfaction = 0] = weights;
  const [aFrom = 0, aPoints = 0, bFrom = 0, bPoints = 0, cFrom = 0, cPoints = 0, dPoints = 0] = grading;
  return {
    ok: true as const,
    settings: {
      basic,
      outcome,
      satisfaction,
      grading: {
        A: { from: aFrom, points: aPoints },
        B: { from: bFrom, points: bPoints },
        C: { from: cFrom, points: cPoints },
        D: { points: dPoints },
      },
    },
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const back = (quarter: string, done: Done) =>
    redirect(`${tenantPaths.scorecards(slug)}?quarter=${encodeURIComponent(quarter)}&done=${done}`);
  return intentAction(
    request,
    {
      settings: intent({
        fields: SETTINGS_FIELDS,
        keep: ['quarter'],
        run: async (values, { refuse }) => {
          const parsed = parseSettings(values);
          if (!parsed.ok) return refuse(parsed.failure.errors.fields);
          await caller.scorecard.setSettings(parsed.settings);
          return back(values.quarter, 'settings');
        },
      }),
      publish: intent({
        keep: ['quarter'],
        run: async (values) => {
          await caller.scorecard.publish({ quarter: values.quarter });
          return back(values.quarter, 'published');
        },
      }),
    },
    { done: () => tenantPaths.scorecards(slug) },
  );
}

type Row = NonNullable<Route.ComponentProps['loaderData']['scorecard']['live']>[number];

function ScoreTable({ rows, caption }: { rows: readonly Row[]; caption: string }) {
  const t = useTranslate();
  const locale = useLocale();
  return (
    <div className="admin-table-scroll">
      <table className="admin-table">
        <caption className="lj-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('scorecards.col_rank')}</th>
            <th scope="col">{t('scorecards.col_station')}</th>
            <th scope="col">{t('scorecards.col_total')}</th>
            <th scope="col">{t('scorecards.col_basic')}</th>
            <th scope="col">{t('scorecards.col_outcome')}</th>
            <th scope="col">{t('scorecards.col_satisfaction')}</th>
            <th scope="col">{t('scorecards.col_cases')}</th>
            <th scope="col">{t('scorecards.col_on_time')}</th>
            <th scope="col">{t('scorecards.col_inspection')}</th>
            <th scope="col">{t('scorecards.col_grade')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.organisationId}>
              <td>{row.rank}</td>
              <th scope="row">{locale === 'en' ? row.nameEn : row.nameZh}</th>
              <td>
                <strong>{row.total.toFixed(2)}</strong>
              </td>
              <td>{row.basic.points.toFixed(2)}</td>
              <td>{row.outcome.points.toFixed(2)}</td>
              <td>{row.satisfaction.points.toFixed(2)}</td>
              <td>
                {t('scorecards.cases_line', {
                  received: row.outcome.received,
                  resolved: row.outcome.resolved,
                })}
              </td>
              <td>{percent(row.outcome.onTimeRate)}</td>
              <td>{percent(row.basic.inspectionScore)}</td>
              <td>{row.satisfaction.grade ?? t('scorecards.not_graded')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Grading = Route.ComponentProps['loaderData']['scorecard']['grading'];

/** A grading in one line: each grade's threshold and points. */
function useGradingLine() {
  const t = useTranslate();
  return (g: Grading) =>
    t('scorecards.grading_line', {
      aFrom: g.A.from,
      aPoints: g.A.points,
      bFrom: g.B.from,
      bPoints: g.B.points,
      cFrom: g.C.from,
      cPoints: g.C.points,
      dPoints: g.D.points,
    });
}

/** What the settings form shows in a grading field: what was typed, else the current value. */
const gradingValue = (grading: Grading, field: (typeof GRADING_FIELDS)[number]) =>
  field.grade === 'D' ? grading.D.points : grading[field.grade][field.part];

export default function Scorecards({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const periodLabel = usePeriodLabel();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const gradingLine = useGradingLine();
  const { scorecard, quarter, quarters, canManage, done } = loaderData;
  const settingsFailure = failureOf(actionData, 'settings');
  const publishFailure = failureOf(actionData, 'publish');
  const errorOf = useFieldError(settingsFailure?.errors);
  const weightLabel = (name: (typeof WEIGHT_FIELDS)[number]) => t(`scorecards.weight_${name}` as MessageKey);
  const gradingLabel = (field: (typeof GRADING_FIELDS)[number]) =>
    t(field.part === 'from' ? 'scorecards.grade_from' : 'scorecards.grade_points', { grade: field.grade });
  const fieldId = (name: string) => `settings-${name.replaceAll('.', '-')}`;
  return (
    <>
      <DocumentTitle title={t('scorecards.title')} tenant={tenant} />
      <FormErrorSummary
        errors={settingsFailure?.errors ?? publishFailure?.errors}
        fields={[
          ...WEIGHT_FIELDS.map((name) => ({ name, label: weightLabel(name), id: fieldId(name) })),
          ...GRADING_FIELDS.map((f) => ({ name: f.name, label: gradingLabel(f), id: fieldId(f.name) })),
        ]}
      />
      {done && !settingsFailure && !publishFailure ? (
        <Alert tone="success">
          <p>{t(DONE_MESSAGES[done])}</p>
        </Alert>
      ) : null}
      <p>
        <Link to={tenantPaths.inspections(tenant.slug)}>{t('inspections.title')}</Link>
      </p>
      <h1>{t('scorecards.title')}</h1>
      <p className="admin-lead">{t('scorecards.intro')}</p>
      <Form method="get" className="lj-form admin-filters">
        <SelectField
          id="scorecards-quarter"
          name="quarter"
          label={t('inspections.quarter')}
          defaultValue={quarter}
        >
          {quarters.map((q) => (
            <option key={q} value={q}>
              {periodLabel(q)}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary">
          {t('inspections.show')}
        </Button>
      </Form>
      <p>
        {t('scorecards.weights_now', {
          basic: scorecard.weights.basic,
          outcome: scorecard.weights.outcome,
          satisfaction: scorecard.weights.satisfaction,
        })}
      </p>
      <p>{t('scorecards.grading_now', { grading: gradingLine(scorecard.grading) })}</p>
      <details className="admin-disclosure">
        <summary>{t('scorecards.rules_heading')}</summary>
        <p>{t('scorecards.rules_basic')}</p>
        <p>{t('scorecards.rules_outcome')}</p>
        <p>{t('scorecards.rules_satisfaction')}</p>
      </details>
      {scorecard.published ? (
        <>
          <h2>{t('scorecards.published_heading', { quarter: periodLabel(quarter) })}</h2>
          <p className="admin-muted">
            {t('scorecards.published_on', {
              when: formatDateTime(locale, scorecard.published.publishedAt),
              basic: scorecard.published.weights.basic,
              outcome: scorecard.published.weights.outcome,
              satisfaction: scorecard.published.weights.satisfaction,
            })}{' '}
            {t('scorecards.published_grading', { grading: gradingLine(scorecard.published.grading) })}
          </p>
          <ScoreTable
            rows={scorecard.published.rows}
            caption={t('scorecards.published_heading', { quarter: periodLabel(quarter) })}
          />
          <p>
            <a
              className="lj-button lj-button--secondary"
              href={tenantPaths.scorecardXlsx(tenant.slug, quarter, 'published')}
            >
              {t('scorecards.download_published', { quarter: periodLabel(quarter) })}
            </a>
          </p>
        </>
      ) : (
        <p>{t('scorecards.not_published', { quarter: periodLabel(quarter) })}</p>
      )}
      {scorecard.live ? (
        <>
          <h2>{t('scorecards.live_heading', { quarter: periodLabel(quarter) })}</h2>
          {scorecard.live.length === 0 ? (
            <p>{t('scorecards.no_stations')}</p>
          ) : (
            <>
              <ScoreTable
                rows={scorecard.live}
                caption={t('scorecards.live_heading', { quarter: periodLabel(quarter) })}
              />
              <p>
                <a
                  className="lj-button lj-button--secondary"
                  href={tenantPaths.scorecardXlsx(tenant.slug, quarter, 'live')}
                >
                  {t('scorecards.download_live', { quarter: periodLabel(quarter) })}
                </a>
              </p>
            </>
          )}
        </>
      ) : null}
      {canManage && !scorecard.published ? (
        <Form method="post" className="lj-form">
          <CsrfField />
          <input type="hidden" name="intent" value="publish" />
          <input type="hidden" name="quarter" value={quarter} />
          <p>{t('scorecards.publish_hint')}</p>
          <Button type="submit">{t('scorecards.publish', { quarter: periodLabel(quarter) })}</Button>
        </Form>
      ) : null}
      {canManage ? (
        <>
          <h2>{t('scorecards.settings_heading')}</h2>
          <Form method="post" className="lj-form" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="settings" />
            <input type="hidden" name="quarter" value={quarter} />
            <fieldset>
              <legend>{t('scorecards.weights_legend')}</legend>
              <p>{t('scorecards.weights_hint')}</p>
              <div className="admin-field-row">
                {WEIGHT_FIELDS.map((name) => (
                  <TextField
                    key={name}
                    id={fieldId(name)}
                    name={name}
                    inputMode="numeric"
                    label={weightLabel(name)}
                    defaultValue={settingsFailure?.values[name] ?? String(scorecard.weights[name])}
                    error={errorOf(name)}
                    className="admin-field--short"
                    required
                  />
                ))}
              </div>
            </fieldset>
            <fieldset>
              <legend>{t('scorecards.grading_legend')}</legend>
              <p>{t('scorecards.grading_hint')}</p>
              <div className="admin-field-row">
                {GRADING_FIELDS.map((field) => (
                  <TextField
                    key={field.name}
                    id={fieldId(field.name)}
                    name={field.name}
                    inputMode="decimal"
                    label={gradingLabel(field)}
                    defaultValue={
                      settingsFailure?.values[field.name] ?? String(gradingValue(scorecard.grading, field))
                    }
                    error={errorOf(field.name)}
                    className="admin-field--short"
                    required
                  />
                ))}
              </div>
            </fieldset>
            <Button type="submit">{t('scorecards.settings_save')}</Button>
          </Form>
        </>
      ) : null}
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
