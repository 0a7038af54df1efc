import { AppShell, useTranslate } from '@linju/ui';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { publicSitePaths } from '../../lib/public-site-paths.ts';
import { LanguageSwitch } from '../language-switch.tsx';
import { LargeTextSwitch } from './large-text-switch.tsx';

/** The residents' navigation: finding help here, and the ways to apply, book, follow and suggest. */
const LINKS = [
  { key: 'publicSite.nav_home', to: publicSitePaths.home, end: true },
  { key: 'publicSite.nav_services', to: publicSitePaths.services, end: false },
  { key: 'publicSite.nav_points', to: publicSitePaths.points, end: false },
  { key: 'publicSite.nav_rota', to: publicSitePaths.rota, end: false },
  { key: 'publicSite.nav_apply', to: publicSitePaths.apply, end: false },
  { key: 'publicSite.nav_book', to: publicSitePaths.book, end: false },
  { key: 'publicSite.nav_follow', to: publicSitePaths.follow, end: false },
  { key: 'publicSite.nav_suggestions', to: publicSitePaths.suggestions, end: false },
] as const;

/**
 * The frame of a district's public site: the district's name, the residents' navigation, the
 * language and text-size switches and a skip link (AppShell's). Large text (适老化) is a class
 * on the frame; the stylesheet makes the whole page's text and targets larger from it.
 */
export function PublicSiteFrame({
  slug,
  districtName,
  largeText,
  children,
}: {
  slug: string;
  districtName: string;
  largeText: boolean;
  children: ReactNode;
}) {
  const t = useTranslate();
  return (
    <div className={largeText ? 'public-site public-site--large' : 'public-site'}>
      <AppShell
        title={`${districtName} · ${t('app.tagline')}`}
        actions={
          <>
            <LanguageSwitch />
            <LargeTextSwitch slug={slug} on={largeText} />
          </>
        }
        navigationLabel={t('publicSite.nav_label')}
        navigation={
          <ul>
            {LINKS.map((link) => (
              <li key={link.key}>
                <NavLink to={link.to(slug)} end={link.end}>
                  {t(link.key)}
                </NavLink>
              </li>
            ))}
          </ul>
        }
      >
        {children}
      </AppShell>
    </div>
  );
}
