import { formatNumber, isMessageKey } from '@linju/i18n';
import { Alert, Button, SelectField, TextField, useLocale, useTranslate } from '@linju/ui';
import { Form } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { DistrictBoundaryForm } from '../components/district-boundary-form.tsx';
import { DistrictMap } from '../components/district-map.tsx';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { intent, intentAction } from '../lib/intent-action.ts';
import { allowsTenantWide, parentMap } from '../lib/permissions.ts';
import { load } from '../lib/route-errors.ts';
import { requireSession, signedInPerson } from '../lib/session.ts';
import { cappedForm } from '../lib/streamed-form.ts';
import { failureOf } from '../lib/submission.ts';
import { tenantPaths, tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/statistics-coverage';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  const [coverage, organisations] = await Promise.all([
    load(caller.coverage.get()),
    load(caller.organisation.getMany()),
  ]);
  const canManage = allowsTenantWide(me.user.roles, 'tenant.settings.manage', parentMap(organisations));
  return { slug: tenantSlugFrom(params), coverage, canManage };
}

/** Sets the distance rule, lists a community or uploads the boundary; all for bureau administrators. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const { caller, uploadMaxBytes } = getAdminContext(context);
  // Signed in before a file is read whole: nobody else makes the server hold one. The API
  // refuses a boundary over its own, smaller limit.
  await requireSession(caller, slug, ['home']);
  const { form, tooLarge } = await cappedForm(request, uploadMaxBytes);
  return intentAction(
    form,
    {
      boundary: intent({
        fields: ['datum', 'geojson'],
        errors: { fields: ['geojson'] },
        run: async (values, { refuse }) => {
          const file = form.get('geojson');
          if (tooLarge) return refuse({ geojson: 'coverage.boundary_too_large' });
          if (!(file instanceof File) || file.size === 0)
            return refuse({ geojson: 'coverage.boundary_required' });
          const saved = await caller.coverage.setBoundary({
            geojson: await file.text(),
            datum: values.datum === 'gcj02' ? 'gcj02' : 'wgs84',
          });
          return { intent: 'boundary', saved };
        },
      }),
      rule: intent({
        fields: ['townMetres', 'villageMetres', 'walkingFactor'],
        run: async (values) => {
          await caller.coverage.setRule({
            townMetres: Number(values.townMetres),
            villageMetres: Number(values.villageMetres),
            walkingFactor: Number(values.walkingFactor),
          });
        },
      }),
      community: intent({
        fields: ['nameZh', 'nameEn', 'settlement', 'latitude', 'longitude'],
        run: async (values) => {
          await caller.coverage.createCommunity({
            nameZh: values.nameZh,
            nameEn: values.nameEn || values.nameZh,
            settlement: values.settlement === 'village' ? 'village' : 'town',
            latitude: Number(values.latitude),
            longitude: Number(values.longitude),
          });
        },
      }),
    },
    { done: () => tenantPaths.coverage(slug) },
  );
}

export default function Coverage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const { coverage, canManage } = loaderData;
  const saved = actionData && 'saved' in actionData ? actionData.saved : undefined;
  const name = (x: { nameZh: string; nameEn: string }) => (locale === 'en' ? x.nameEn : x.nameZh);
  const metres = (m: number) => formatNumber(locale, Math.round(m));
  const fieldError = (intent: string, field: string) => {
    const failure = failureOf(actionData, intent);
    const key = failure?.errors.fields[field];
    return key && isMessageKey(key) ? t(key) : undefined;
  };
  const formError = (intent: string) => {
    const key = failureOf(actionData, intent)?.errors.form[0];
    return key && isMessageKey(key) ? <Alert tone="error">{t(key)}</Alert> : null;
  };
  return (
    <>
      <DocumentTitle title={t('coverage.title')} tenant={tenant} />
      <h1>{t('coverage.title')}</h1>
      <p>
        {t('coverage.rule', {
          town: metres(coverage.rule.townMetres),
          village: metres(coverage.rule.villageMetres),
          factor: String(coverage.rule.walkingFactor),
        })}
      </p>
      <dl className="admin-figures">
        <div>
          <dt>{t('coverage.share')}</dt>
          <dd>
            {coverage.share === null
              ? '—'
              : formatNumber(locale, coverage.share, { style: 'percent', maximumFractionDigits: 1 })}
          </dd>
        </div>
        <div>
          <dt>{t('coverage.communities')}</dt>
          <dd>{formatNumber(locale, coverage.communities)}</dd>
        </div>
        <div>
          <dt>{t('coverage.covered')}</dt>
          <dd>{formatNumber(locale, coverage.covered)}</dd>
        </div>
        <div>
          <dt>{t('coverage.service_points')}</dt>
          <dd>{formatNumber(locale, coverage.servicePoints)}</dd>
        </div>
      </dl>

      {coverage.map.servicePoints.length + coverage.map.communities.length > 0 ? (
        <DistrictMap
          width={coverage.map.width}
          height={coverage.map.height}
          boundary={coverage.map.boundary}
          label={t('coverage.map_label')}
          legend={t('coverage.map_legend', { metres: metres(coverage.rule.townMetres) })}
        >
          {coverage.map.servicePoints.map((p) => (
            <g key={p.id}>
              <circle cx={p.x} cy={p.y} r={p.radius} fill="#1d4f91" fillOpacity={0.12} stroke="#1d4f91" />
              <circle cx={p.x} cy={p.y} r={4} fill="#1d4f91">
                <title>{name(p)}</title>
              </circle>
            </g>
          ))}
          {coverage.map.communities.map((c) => (
            <rect
              key={c.id}
              x={c.x - 3.5}
              y={c.y - 3.5}
              width={7}
              height={7}
              fill={c.covered ? '#1e6b34' : '#b3261e'}
            >
              <title>{`${name(c)}：${t(c.covered ? 'coverage.covered_yes' : 'coverage.covered_no')}`}</title>
            </rect>
          ))}
        </DistrictMap>
      ) : null}
      {saved ? <Alert tone="success">{t('coverage.boundary_saved', saved)}</Alert> : null}

      <h2>{t('coverage.gaps')}</h2>
      {coverage.gaps.length === 0 ? (
        <p className="admin-muted">{t('coverage.no_gaps')}</p>
      ) : (
        <table className="admin-statistics-table">
          <caption>{t('coverage.gaps_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('coverage.community')}</th>
              <th scope="col">{t('coverage.settlement')}</th>
              <th scope="col">{t('coverage.nearest')}</th>
              <th scope="col">{t('coverage.walking_metres')}</th>
              <th scope="col">{t('coverage.limit_metres')}</th>
            </tr>
          </thead>
          <tbody>
            {coverage.gaps.map((g) => (
              <tr key={g.community.id}>
                <th scope="row">{name(g.community)}</th>
                <td>{t(g.community.settlement === 'town' ? 'coverage.town' : 'coverage.village')}</td>
                <td>{g.nearest ? name(g.nearest.point) : '—'}</td>
                <td>{g.nearest ? metres(g.nearest.walkingMetres) : '—'}</td>
                <td>{metres(g.limitMetres)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {canManage ? (
        <>
          <h2>{t('coverage.set_rule')}</h2>
          <Form method="post" className="admin-form">
            <CsrfField />
            <input type="hidden" name="intent" value="rule" />
            {formError('rule')}
            <TextField
              label={t('coverage.town_metres')}
              name="townMetres"
              type="number"
              inputMode="numeric"
              defaultValue={coverage.rule.townMetres}
              error={fieldError('rule', 'townMetres')}
            />
            <TextField
              label={t('coverage.village_metres')}
              name="villageMetres"
              type="number"
              inputMode="numeric"
              defaultValue={coverage.rule.villageMetres}
              error={fieldError('rule', 'villageMetres')}
            />
            <TextField
              label={t('coverage.walking_factor')}
              hint={t('coverage.walking_factor_hint')}
              name="walkingFactor"
              type="number"
              step="0.05"
              defaultValue={coverage.rule.walkingFactor}
              error={fieldError('rule', 'walkingFactor')}
            />
            <Button type="submit">{t('coverage.save_rule')}</Button>
          </Form>

          <h2>{t('coverage.boundary_heading')}</h2>
          <DistrictBoundaryForm
            error={(field) => fieldError('boundary', field)}
            datum={failureOf(actionData, 'boundary')?.values.datum ?? 'wgs84'}
          />

          <h2>{t('coverage.add_community')}</h2>
          <Form method="post" className="admin-form">
            <CsrfField />
            <input type="hidden" name="intent" value="community" />
            {formError('community')}
            <TextField
              label={t('coverage.name_zh')}
              name="nameZh"
              required
              error={fieldError('community', 'nameZh')}
            />
            <TextField
              label={t('coverage.name_en')}
              name="nameEn"
              error={fieldError('community', 'nameEn')}
            />
            <SelectField label={t('coverage.settlement')} name="settlement" defaultValue="town">
              <option value="town">{t('coverage.town')}</option>
              <option value="village">{t('coverage.village')}</option>
            </SelectField>
            <TextField
              label={t('coverage.latitude')}
              name="latitude"
              type="number"
              step="any"
              required
              error={fieldError('community', 'latitude')}
            />
            <TextField
              label={t('coverage.longitude')}
              name="longitude"
              type="number"
              step="any"
              required
              error={fieldError('community', 'longitude')}
            />
            <Button type="submit">{t('coverage.add')}</Button>
          </Form>
        </>
      ) : null}
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
