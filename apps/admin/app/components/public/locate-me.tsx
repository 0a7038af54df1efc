import { useTranslate } from '@linju/ui';
import { useEffect, useRef, useState } from 'react';
import { Form } from 'react-router';
import { CsrfField } from '../csrf-field.tsx';

/**
 * "Use my location": shown only once JavaScript runs and the browser can locate. The position is
 * posted in a form, never put in the address: a resident's location is personal data.
 */
export function LocateMe() {
  const t = useTranslate();
  const form = useRef<HTMLFormElement>(null);
  const [available, setAvailable] = useState(false);
  const [state, setState] = useState<'idle' | 'locating' | 'failed'>('idle');
  useEffect(() => setAvailable('geolocation' in navigator), []);
  if (!available) return null;
  const locate = () => {
    setState('locating');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const target = form.current;
        if (!target) return;
        (target.elements.namedItem('latitude') as HTMLInputElement).value = String(position.coords.latitude);
        (target.elements.namedItem('longitude') as HTMLInputElement).value = String(
          position.coords.longitude,
        );
        setState('idle');
        target.requestSubmit();
      },
      () => setState('failed'),
      { maximumAge: 60_000, timeout: 15_000 },
    );
  };
  return (
    <Form method="post" ref={form} className="public-locate">
      <CsrfField />
      <input type="hidden" name="latitude" />
      <input type="hidden" name="longitude" />
      <button type="button" className="lj-button" onClick={locate} disabled={state === 'locating'}>
        {t(state === 'locating' ? 'publicSite.near_locating' : 'publicSite.near_locate')}
      </button>
      {state === 'failed' ? <p role="alert">{t('publicSite.near_location_failed')}</p> : null}
    </Form>
  );
}
