import { formatDate } from '@linju/i18n';
import { Button, useLocale, useTranslate } from '@linju/ui';
import { useEffect, useState } from 'react';
import { rateEntryUrl } from '../lib/rating.ts';
import { QrCode } from './qr-code.tsx';

/**
 * The one-time rating code as a slip to hand over at the counter: the district, the code, and a
 * QR code straight to its rating page. When a slip is on the page, printing prints only the slip.
 */
export function RatingSlip({
  code,
  expiresAt,
  rateUrl,
  district,
}: {
  code: string;
  expiresAt: Date | string;
  /** The code's own rating page, absolute: what the QR code opens. */
  rateUrl: string;
  district: string;
}) {
  const t = useTranslate();
  const locale = useLocale();
  const entry = rateEntryUrl(rateUrl);
  // The print button needs JavaScript; without it the browser's own print prints the slip alone.
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(true), []);
  return (
    <figure className="admin-rating-slip">
      <figcaption className="admin-rating-slip__title">
        {t('casePage.rating_slip_title', { district })}
      </figcaption>
      <QrCode text={rateUrl} label={t('casePage.rating_slip_qr')} />
      {/* A code, not words: no translator touches it. */}
      <p className="admin-rating-code" translate="no">
        {code}
      </p>
      <p>{t('casePage.rating_slip_scan', { url: entry, date: formatDate(locale, expiresAt) })}</p>
      <p className="admin-no-print">
        {/* For a resident reached by message rather than at the counter: the QR code's own address. */}
        <a href={rateUrl} className="admin-rating-slip__link">
          {t('casePage.rating_slip_link')}
        </a>
      </p>
      {canPrint ? (
        <Button type="button" variant="secondary" className="admin-no-print" onClick={() => window.print()}>
          {t('casePage.rating_slip_print')}
        </Button>
      ) : null}
    </figure>
  );
}
