import { type Locale, translate } from '@linju/i18n';

/** A service as the API answers it: its id and its name per locale (from its manifest, or a street's X service). */
export interface NamedService {
  readonly id: string;
  readonly name: Readonly<Record<Locale, string>>;
}

/** The name of the service `id` among `services`; a service no longer among them shows as its id. */
export function serviceName(services: readonly NamedService[], id: string, locale: Locale): string {
  // Not yet triaged: said in words, never the stored code.
  if (id === 'undecided') return translate(locale, 'service.undecided');
  return services.find((service) => service.id === id)?.name[locale] || id;
}
