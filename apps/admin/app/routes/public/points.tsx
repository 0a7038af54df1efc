import { useLocale, useTranslate } from '@linju/ui';
import { Form, useActionData } from 'react-router';
import { LocateMe } from '../../components/public/locate-me.tsx';
import { PointCard } from '../../components/public/point-card.tsx';
import { PublicTitle } from '../../components/public/public-title.tsx';
import { getAdminContext } from '../../context.ts';
import { formText } from '../../lib/form-data.ts';
import { load } from '../../lib/route-errors.ts';
import { tenantSlugFrom } from '../../lib/tenant-paths.ts';
import type { Route } from './+types/points';

const UUID = /^[0-9a-f-]{36}$/i;

/** The points, sorted from the community chosen in the list (a GET form: a community is no secret). */
export async function loader({ params, request, context }: Route.LoaderArgs) {
  const slug = tenantSlugFrom(params);
  const communityId = new URL(request.url).searchParams.get('community') ?? '';
  const near = UUID.test(communityId) ? { communityId } : null;
  return { slug, located: false, ...(await load(getAdminContext(context).caller.site.points({ near }))) };
}

/** The points, sorted from the browser's location, posted (a location is personal data: never in a URL). */
export async function action({ params, request, context }: Route.ActionArgs) {
  const slug = tenantSlugFrom(params);
  const form = await request.formData();
  const latitude = Number.parseFloat(formText(form, 'latitude'));
  const longitude = Number.parseFloat(formText(form, 'longitude'));
  const valid = Number.isFinite(latitude) && Number.isFinite(longitude);
  const near = valid ? { latitude, longitude } : null;
  return { slug, located: valid, ...(await load(getAdminContext(context).caller.site.points({ near }))) };
}

/** 服务点: every service point with address, hours and phone; the nearest first once the resident says where. */
export default function PublicPoints({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const posted = useActionData<typeof action>();
  const { slug, points, communities, communityId, circleMetres, located } = posted ?? loaderData;
  const community = communities.find((c) => c.id === communityId);
  return (
    <>
      <PublicTitle title={t('publicSite.points_title')} />
      <h1>{t('publicSite.points_title')}</h1>
      <p>{t('publicSite.points_intro')}</p>
      <section aria-labelledby="near" className="public-card">
        <h2 id="near">{t('publicSite.near_title')}</h2>
        <Form method="get" className="public-near">
          <label htmlFor="community">{t('publicSite.near_community')}</label>
          <select id="community" name="community" defaultValue={communityId ?? ''}>
            <option value="">{t('publicSite.near_community_choose')}</option>
            {communities.map((c) => (
              <option key={c.id} value={c.id}>
                {locale === 'en' ? c.nameEn : c.nameZh}
              </option>
            ))}
          </select>
          <button type="submit" className="lj-button">
            {t('publicSite.near_submit')}
          </button>
        </Form>
        <LocateMe />
      </section>
      <div aria-live="polite">
        {community ? (
          <p>
            {t('publicSite.near_community_used', {
              community: locale === 'en' ? community.nameEn : community.nameZh,
            })}
          </p>
        ) : null}
        {located ? <p>{t('publicSite.near_location_used')}</p> : null}
        {circleMetres !== null ? <p>{t('publicSite.near_circle', { metres: circleMetres })}</p> : null}
      </div>
      <ul className="public-list" aria-label={t('publicSite.points_title')}>
        {points.map((point) => (
          <li key={point.id}>
            <PointCard slug={slug} point={point}>
              {point.walkingMetres !== null ? (
                <p>
                  {t('publicSite.near_distance', { metres: point.walkingMetres })}
                  {point.withinCircle ? (
                    <strong className="public-badge">{t('publicSite.near_within')}</strong>
                  ) : null}
                </p>
              ) : null}
            </PointCard>
          </li>
        ))}
      </ul>
    </>
  );
}
