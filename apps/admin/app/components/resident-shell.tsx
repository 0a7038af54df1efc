import { AppShell, useTranslate } from '@linju/ui';
import type { ReactNode } from 'react';
import { LanguageSwitch } from './language-switch.tsx';

/**
 * The frame of the pages a resident reaches without an account (rating a matter, answering a
 * questionnaire): the public service's name, never the staff's admin title, and no staff navigation.
 */
export function ResidentShell({
  title,
  districtName,
  children,
}: {
  /** The page title, for the browser tab. */
  title: string;
  /** The district, once the page knows it (from the resident's code). */
  districtName?: string | undefined;
  children: ReactNode;
}) {
  const t = useTranslate();
  const service = districtName ? `${districtName} · ${t('app.tagline')}` : t('app.tagline');
  return (
    <AppShell title={service} actions={<LanguageSwitch />}>
      <title>{`${title} · ${service}`}</title>
      {children}
    </AppShell>
  );
}
