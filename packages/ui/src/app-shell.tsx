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
  children: ReactNode;
}

type BrandStyle = CSSProperties & Record<'--lj-brand' | '--lj-brand-contrast', string>;

/** The page frame: skip link, a header in the tenant's colour, and the main landmark. */
export function AppShell({ title, brandColour, actions, children }: AppShellProps) {
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
      <main className="lj-main" id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
