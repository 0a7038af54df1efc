import { brandPalette, useLocale, useTranslate } from '@linju/ui';
import type { OnboardingDraft } from '../../lib/onboarding.ts';

/** The district's header as it will look, in the chosen colour (corrected for contrast as the app does). */
export function BrandPreview({ draft }: { draft: OnboardingDraft }) {
  const t = useTranslate();
  const locale = useLocale();
  const palette = brandPalette(draft.colour);
  const name = (locale === 'en' ? draft.nameEn : draft.nameZh) || t('onboard.preview_name');
  return (
    <figure className="admin-brand-preview">
      <div
        className="admin-brand-preview__bar"
        style={{ background: palette.background, color: palette.foreground }}
      >
        <strong>{name}</strong> <span>{t('app.name')}</span>
      </div>
      <figcaption className="admin-muted">
        {palette.background.toLowerCase() === draft.colour.toLowerCase()
          ? t('onboard.preview_caption')
          : t('onboard.preview_adjusted', { colour: palette.background })}
      </figcaption>
    </figure>
  );
}
