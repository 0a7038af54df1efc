import { AppShell, useLocale, useTranslate } from '@linju/ui';
import type { ReactNode } from 'react';
import { Form, Link } from 'react-router';
import type { TenantHeader } from '../lib/session.ts';
import { tenantPaths } from '../lib/tenant-paths.ts';
import { CsrfField } from './csrf-field.tsx';
import { LanguageSwitch } from './language-switch.tsx';

export interface PageShellProps {
  /** The page title, for the browser tab (React hoists `<title>` into the head). */
  title: string;
  /** The district, when known: its name and colour go in the header. */
  tenant?: TenantHeader | undefined;
  /** Shows the change-password link and the sign-out button. */
  signedIn?: boolean;
  children: ReactNode;
}

/** The admin app's frame around AppShell: title, district header, language switch and account actions. */
export function PageShell({ title, tenant, signedIn = false, children }: PageShellProps) {
  const t = useTranslate();
  const locale = useLocale();
  const product = `${t('app.name')} · ${t('app.admin_title')}`;
  const tenantName = tenant ? (locale === 'en' && tenant.nameEn ? tenant.nameEn : tenant.nameZh) : undefined;
  const heading = (
    <Link to={tenant ? tenantPaths.home(tenant.slug) : '/'}>
      {tenantName ? (
        <>
          <span className="admin-header__tenant">{tenantName}</span>{' '}
          <span className="admin-header__product">{product}</span>
        </>
      ) : (
        product
      )}
    </Link>
  );
  const actions = (
    <>
      <LanguageSwitch />
      {signedIn && tenant ? (
        <>
          <Link className="admin-header__link" to={tenantPaths.changePassword(tenant.slug)}>
            {t('nav.change_password')}
          </Link>
          <Form method="post" action={tenantPaths.logout(tenant.slug)}>
            <CsrfField />
            <button className="lj-button lj-button--quiet" type="submit">
              {t('nav.sign_out')}
            </button>
          </Form>
        </>
      ) : null}
    </>
  );
  return (
    <AppShell title={heading} brandColour={tenant?.colour} actions={actions}>
      <title>{`${title} · ${tenantName ?? t('app.name')}`}</title>
      {children}
    </AppShell>
  );
}
