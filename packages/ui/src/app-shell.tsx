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
  children,
}: AppShellProps) {
  const t = useTranslate();
  const palette = brandPalette(brandColour);
  const style: BrandStyle = { '--lj-brand': palette.background, '--lj-brand-contrast': palette.foreground };
  return (
    <div className="lj-shell" style={style}>
      <a className="lj-skip-link" href="#main">
        {t('ui.skip_to_content')}
      </a>
      <header className="lj-header">
        <div className="lj-header__inner">
          <div className="lj-header__title">{title}</div>
          {actions ? <div className="lj-header__actions">{actions}</div> : null}
        </div>
      </header>
      {navigation ? (
        <nav className="lj-nav" aria-label={navigationLabel ?? t('ui.main_navigation')}>
          <div className="lj-nav__inner">{navigation}</div>
        </nav>
      ) : null}
      <main className="lj-main" id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
