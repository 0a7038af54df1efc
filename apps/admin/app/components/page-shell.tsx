import { AppShell, Breadcrumbs, useLocale, useTranslate } from '@linju/ui';
import type { ReactNode } from 'react';
import { Form, Link, NavLink, useLocation } from 'react-router';
import {
  currentMenuPath,
  SECTION_GROUP,
  SECTION_GROUP_LABEL,
  SECTION_GROUPS,
  SECTION_LABEL,
  type Section,
  sectionOf,
  sectionPath,
} from '../lib/navigation.ts';
import type { PluginLink } from '../lib/plugin-screens.ts';
import type { TenantHeader } from '../lib/session.ts';
import { platformPaths, tenantPaths } from '../lib/tenant-paths.ts';
import { CsrfField } from './csrf-field.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { PageError } from './page-error.tsx';

export interface PageShellProps {
  /**
   * The page title, for the browser tab (React hoists `<title>` into the head). Left out by the
   * signed-in shell, whose pages set their own with `DocumentTitle`.
   */
  title?: string | undefined;
  /** The district, when known: its name and colour go in the header. */
  tenant?: TenantHeader | undefined;
  /** Shows the change-password link and the sign-out button. */
  signedIn?: boolean;
  /** The sections the person's roles open, for the navigation bar. */
  sections?: readonly Section[] | undefined;
  /** The district pages of the plugins switched on (notary slots, publicity events…), after the rosters. */
  pluginLinks?: readonly PluginLink[] | undefined;
  /** The signed-in person's name, shown with the account actions. */
  userName?: string | undefined;
  /** Unread notifications: the signed-in shell links its notifications with this count. */
  unreadNotifications?: number | undefined;
  children: ReactNode;
}

export function tenantName(tenant: TenantHeader, locale: string): string {
  return locale === 'en' && tenant.nameEn ? tenant.nameEn : tenant.nameZh;
}

/** The browser tab's title: the page, then the district (or the product). */
export function DocumentTitle({ title, tenant }: { title: string; tenant?: TenantHeader | undefined }) {
  const t = useTranslate();
  const locale = useLocale();
  return <title>{`${title} · ${tenant ? tenantName(tenant, locale) : t('app.name')}`}</title>;
}

/**
 * The admin app's frame around AppShell: district header, section navigation, language switch
 * and account actions.
 */
export function PageShell({
  title,
  tenant,
  signedIn = false,
  sections,
  pluginLinks = [],
  userName,
  unreadNotifications,
  children,
}: PageShellProps) {
  const t = useTranslate();
  const locale = useLocale();
  // A city bureau's app is the same app, the districts' figures first (see `sectionsFor`).
  const product = `${t('app.name')} · ${t(sections?.includes('cityDistricts') ? 'app.city_admin_title' : 'app.admin_title')}`;
  const name = tenant ? tenantName(tenant, locale) : undefined;
  const heading = (
    <Link to={tenant ? tenantPaths.home(tenant.slug) : '/'}>
      {name ? (
        <>
          <span className="admin-header__tenant">{name}</span>{' '}
          <span className="admin-header__product">{product}</span>
        </>
      ) : (
        product
      )}
    </Link>
  );
  const actions = (
    <>
      {signedIn && userName ? <span className="admin-header__user">{userName}</span> : null}
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
  const navigation =
    tenant && sections && sections.length > 0 ? (
      <SideMenu
        slug={tenant.slug}
        sections={sections}
        pluginLinks={pluginLinks}
        unreadNotifications={unreadNotifications}
      />
    ) : undefined;
  const breadcrumbs =
    tenant && sections ? (
      <SectionBreadcrumbs slug={tenant.slug} sections={sections} home={name ?? product} />
    ) : null;
  return (
    <AppShell
      title={heading}
      brandColour={tenant?.colour}
      actions={actions}
      navigation={navigation}
      navigationLabel={t('nav.label')}
      layout={signedIn ? 'workspace' : 'column'}
      breadcrumbs={breadcrumbs}
    >
      {title ? <DocumentTitle title={title} tenant={tenant} /> : null}
      {children}
    </AppShell>
  );
}

/**
 * The side menu: the person's sections grouped by the work they serve (业务办理 / 统计分析 / 质量管理
 * / 系统设置), the services' own pages with the casework, notifications after Today.
 */
function SideMenu({
  slug,
  sections,
  pluginLinks,
  unreadNotifications,
}: {
  slug: string;
  sections: readonly Section[];
  pluginLinks: readonly PluginLink[];
  unreadNotifications: number | undefined;
}) {
  const t = useTranslate();
  const locale = useLocale();
  const { pathname } = useLocation();
  const notificationsPath = tenantPaths.notifications(slug);
  // One current entry for the whole menu, not each link matching on its own (see `currentMenuPath`).
  const current = currentMenuPath(
    slug,
    [
      ...sections.map((section) => sectionPath(slug, section)),
      ...(unreadNotifications === undefined ? [] : [notificationsPath]),
      ...pluginLinks.map((plugin) => plugin.to),
    ],
    pathname,
  );
  const item = (to: string, children: ReactNode) => (
    <Link to={to} aria-current={to === current ? 'page' : undefined}>
      {children}
    </Link>
  );
  const link = (section: Section) => (
    <li key={section}>{item(sectionPath(slug, section), t(SECTION_LABEL[section]))}</li>
  );
  const notifications =
    unreadNotifications === undefined ? null : (
      <li key="notifications">
        {item(
          notificationsPath,
          <>
            {t('nav.notifications')}
            {unreadNotifications > 0 ? (
              <>
                {' '}
                <span className="admin-badge" aria-hidden="true">
                  {unreadNotifications}
                </span>
                <span className="lj-visually-hidden">
                  {t('nav.notifications_unread', { count: unreadNotifications })}
                </span>
              </>
            ) : null}
          </>,
        )}
      </li>
    );
  const services = pluginLinks.map((plugin) => (
    <li key={plugin.key}>{item(plugin.to, plugin.label[locale === 'en' ? 'en' : 'zh-CN'])}</li>
  ));
  return (
    <ul>
      {SECTION_GROUPS.map((group) => {
        const own = sections.filter((section) => SECTION_GROUP[section] === group);
        const items =
          group === 'work'
            ? [
                ...own.filter((s) => s === 'today').map(link),
                notifications,
                ...own.filter((s) => s !== 'today').map(link),
                ...services,
              ]
            : own.map(link);
        if (items.filter(Boolean).length === 0) return null;
        return (
          <li key={group}>
            <span className="lj-side-nav__title" id={`menu-${group}`}>
              {t(SECTION_GROUP_LABEL[group])}
            </span>
            <ul aria-labelledby={`menu-${group}`}>{items}</ul>
          </li>
        );
      })}
    </ul>
  );
}

/** Home › the section the page is in (a link when the page is below the section's own page). */
function SectionBreadcrumbs({
  slug,
  sections,
  home,
}: {
  slug: string;
  sections: readonly Section[];
  home: string;
}) {
  const t = useTranslate();
  const { pathname } = useLocation();
  const section = sectionOf(slug, sections, pathname);
  const homePath = tenantPaths.home(slug);
  if (!section || section === 'today' || pathname === homePath) return null;
  const path = sectionPath(slug, section);
  return (
    <Breadcrumbs
      items={[
        { label: home, href: homePath },
        { label: t(SECTION_LABEL[section]), href: pathname === path ? undefined : path },
      ]}
      link={(href, label) => <Link to={href}>{label}</Link>}
    />
  );
}

/** The platform console's frame: outside every district, in Linju's own colour. */
export function PlatformShell({
  title,
  signedIn = false,
  operatorName,
  children,
}: {
  title: string;
  signedIn?: boolean;
  /** The signed-in operator's name (`platform.me`), shown with the account actions. */
  operatorName?: string | undefined;
  children: ReactNode;
}) {
  const t = useTranslate();
  const heading = (
    <Link to={platformPaths.home}>
      <span className="admin-header__tenant">{t('app.name')}</span>{' '}
      <span className="admin-header__product">{t('platform.title')}</span>
    </Link>
  );
  const actions = (
    <>
      {signedIn && operatorName ? <span className="admin-header__user">{operatorName}</span> : null}
      <LanguageSwitch />
      {signedIn ? (
        <Form method="post" action={platformPaths.logout}>
          <CsrfField />
          <button className="lj-button lj-button--quiet" type="submit">
            {t('nav.sign_out')}
          </button>
        </Form>
      ) : null}
    </>
  );
  const navigation = signedIn ? (
    <ul>
      <li>
        <NavLink to={platformPaths.home} end>
          {t('platform.nav_tenants')}
        </NavLink>
      </li>
      <li>
        <NavLink to={platformPaths.onboard}>{t('platform.nav_onboard')}</NavLink>
      </li>
      <li>
        <NavLink to={platformPaths.domains}>{t('platform.nav_domains')}</NavLink>
      </li>
      <li>
        <NavLink to={platformPaths.peers}>{t('platform.nav_peers')}</NavLink>
      </li>
    </ul>
  ) : undefined;
  return (
    <AppShell title={heading} actions={actions} navigation={navigation} navigationLabel={t('nav.label')}>
      <title>{`${title} · ${t('platform.title')}`}</title>
      {children}
    </AppShell>
  );
}

/** A platform page's error in the console's frame: the `ErrorBoundary` every platform route exports. */
export function PlatformErrorBoundary({ error }: { error: unknown }) {
  const t = useTranslate();
  return (
    <PlatformShell title={t('error.title')}>
      <PageError error={error} />
    </PlatformShell>
  );
}
