import type { ReactNode } from 'react';
import { useTranslate } from './locale-context.tsx';

export interface Crumb {
  /** The place's name. */
  label: string;
  /** Its address; the crumb of the page itself has none (a page below a section may end on the section, a link). */
  href?: string | undefined;
}

/**
 * Where the page sits in the app (首页 › 事项 › XH-2026-000123): each place above it a link, the
 * current one marked for screen readers. `link` renders a link (the app's router link).
 */
export function Breadcrumbs({
  items,
  link,
}: {
  items: readonly Crumb[];
  link: (href: string, label: string) => ReactNode;
}) {
  const t = useTranslate();
  if (items.length < 2) return null;
  return (
    <nav className="lj-breadcrumbs" aria-label={t('ui.breadcrumbs')}>
      <ol>
        {items.map((item, i) => (
          <li key={`${i}-${item.label}`}>
            {item.href ? (
              link(item.href, item.label)
            ) : (
              <span aria-current={i === items.length - 1 ? 'page' : undefined}>{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
