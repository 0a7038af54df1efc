import { Alert, useLocale, useTranslate } from '@linju/ui';
import { Link } from 'react-router';
import type { OnboardingDraft } from '../../lib/onboarding.ts';
import { platformPaths, tenantPaths } from '../../lib/tenant-paths.ts';
import type { WizardState } from '../platform-onboard.tsx';

/** The district created (or found already there): its first administrator's one-time password and where to go. */
export function Done({
  draft,
  created,
}: {
  draft: OnboardingDraft;
  created: NonNullable<WizardState['created']>;
}) {
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
