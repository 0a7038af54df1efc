import { formatDateTime } from '@linju/i18n';
import {
  Button,
  Checkbox,
  type IntentFailure,
  TextArea,
  TextField,
  useLocale,
  useTranslate,
} from '@linju/ui';
import { Form, Link, useLocation } from 'react-router';
import { CsrfField } from '../../components/csrf-field.tsx';
import { useFieldError } from '../../components/form-errors.tsx';
import { OrganisationSelect } from '../../components/organisation-select.tsx';
import { organisationOptions } from '../../lib/organisation-rules.ts';
import { organisationName } from '../../lib/organisation-tree.ts';
import type { Route } from '../+types/rosters';

type Roster = Route.ComponentProps['loaderData'];

/** The district's announcements (告知): drafting one for a unit one manages, publishing a draft, the latest. */
export function Announcements({
  unitId,
  managedUnits,
  announcements,
  nextCursor,
  canManage,
  failure,
}: Pick<Roster, 'managedUnits' | 'announcements' | 'nextCursor' | 'canManage'> & {
  unitId: string;
  failure: IntentFailure | undefined;
}) {
  const t = useTranslate();
  const locale = useLocale();
  const location = useLocation();
  const error = useFieldError(failure?.errors);
  return (
    <section aria-labelledby="announcements-heading">
      <h2 id="announcements-heading">{t('announcements.heading')}</h2>
      {managedUnits.length > 0 ? (
        <details key={`announce-${location.key}`} className="admin-disclosure" open={Boolean(failure)}>
          <summary>{t('announcements.new_heading')}</summary>
          <Form method="post" className="lj-form" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="announce" />
            <input type="hidden" name="unitId" value={unitId} />
            <OrganisationSelect
              id="a-organisationId"
              name="organisationId"
              label={t('announcements.unit')}
              options={organisationOptions(managedUnits, locale)}
              defaultValue={failure?.values.organisationId ?? (canManage ? unitId : undefined)}
              error={error('organisationId')}
              required
            />
            <TextField
              id="a-title"
              name="title"
              label={t('announcements.title')}
              defaultValue={failure?.values.title}
              error={error('title')}
              maxLength={80}
              required
            />
            <TextArea
              id="a-body"
              name="body"
              label={t('announcements.body')}
              defaultValue={failure?.values.body}
              error={error('body')}
              maxLength={4000}
              required
            />
            <Checkbox id="a-publish" name="publish" label={t('announcements.publish_now')} />
            <Button type="submit">{t('announcements.submit')}</Button>
          </Form>
        </details>
      ) : null}
      {announcements.length === 0 ? (
        <p>{t('announcements.none')}</p>
      ) : (
        <ul className="admin-announcements">
          {announcements.map((item) => (
            <li key={item.id} className="admin-announcement">
              <h3 className="admin-announcement__title">{item.title}</h3>
              <p className="admin-muted">
                {item.from ? organisationName(item.from, locale) : ''} ·{' '}
                {item.status === 'published' && item.publishedAt
                  ? t('announcements.published_on', { date: formatDateTime(locale, item.publishedAt) })
                  : t('announcements.draft')}
              </p>
              <p className="admin-prewrap">{item.body}</p>
              {item.canPublish ? (
                <Form method="post" className="admin-inline-form">
                  <CsrfField />
                  <input type="hidden" name="intent" value="publish" />
                  <input type="hidden" name="unitId" value={unitId} />
                  <input type="hidden" name="id" value={item.id} />
                  <Button
                    type="submit"
                    className="admin-button--small"
                    aria-label={t('announcements.publish_named', { title: item.title })}
                  >
                    {t('announcements.publish')}
                  </Button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {nextCursor ? (
        <p className="admin-pager">
          <Link to={`?org=${unitId}&cursor=${encodeURIComponent(nextCursor)}#announcements-heading`}>
            {t('announcements.more')}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
