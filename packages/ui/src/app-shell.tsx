import type { CSSProperties, ReactNode } from 'react';
import { brandPalette } from './brand-colours.ts';
import { useTranslate } from './locale-context.tsx';

export interface AppShellProps {
  /** What the header shows on the left: the product and the tenant's name, usually as a home link. */
  title: ReactNode;
  /** The tenant's brand colour (`#rrggbb`); contrast is corrected to AA, invalid values fall back. */
  brandColour?: string | null | undefined;
  /** Controls on the right of the header: language switch, account actions. */
  actions?: ReactNode;
  /**
   * The app's main sections, usually a list of links, shown in a bar under the header. The app
   * marks the current one with `aria-current="page"` (React Router's `NavLink` does).
   */
  navigation?: ReactNode;
  /** The navigation landmark's name; defaults to "Main navigation" in the page's language. */
  navigationLabel?: string | undefined;
  /**
   * `workspace`: the staff's frame, full width with the navigation as a side menu (after the
   * page on a phone, reached by the header's menu link); `column` (default): one centred column
   * with the navigation as a bar, for sign-in and residents' pages.
   */
  layout?: 'column' | 'workspace';
  /** Where the page sits (a `Breadcrumbs`), above the page's own content. */
  breadcrumbs?: ReactNode;
  children: ReactNode;
}

type BrandStyle = CSSProperties & Record<'--lj-brand' | '--lj-brand-contrast', string>;

/** The page frame: skip link, a header in the tenant's colour, the section navigation and the main landmark. */
export function AppShell({
  title,
  brandColour,
  actions,
  navigation,
  navigationLabel,
  layout = 'column',
  breadcrumbs,
  children,
}: AppShellProps) {
  const t = useTranslate();
  const palette = brandPalette(brandColour);
  const style: BrandStyle = { '--lj-brand': palette.background, '--lj-brand-contrast': palette.foreground };
  const label = navigationLabel ?? t('ui.main_navigation');
  const main = (
    <main className="lj-main" id="main" tabIndex={-1}>
      {breadcrumbs}
      {children}
    </main>
  );
  return (
    <div className={`lj-shell lj-shell--${layout}`} style={style}>
      <a className="lj-skip-link" href="#main">
        {t('ui.skip_to_content')}
      </a>
      <header className="lj-header">
        <div className="lj-header__inner">
          <div className="lj-header__title">{title}</div>
          {layout === 'workspace' && navigation ? (
            // On a phone the menu follows the page (the page comes first); this link jumps to it.
            <a className="lj-menu-link" href="#menu">
              {t('ui.menu')}
            </a>
          ) : null}
          {actions ? <div className="lj-header__actions">{actions}</div> : null}
        </div>
      </header>
      {layout === 'workspace' ? (
        <div className="lj-workspace">
          {main}
          {navigation ? (
            <nav className="lj-side-nav" id="menu" aria-label={label}>
              {navigation}
            </nav>
          ) : null}
        </div>
      ) : (
        <>
          {navigation ? (
            <nav className="lj-nav" aria-label={label}>
              <div className="lj-nav__inner">{navigation}</div>
            </nav>
          ) : null}
          {main}
        </>
      )}
    </div>
  );
}
