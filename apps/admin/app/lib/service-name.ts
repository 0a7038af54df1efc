import { type Locale, translate } from '@linju/i18n';

/** A service as the API answers it: its id and its name per locale (from its manifest, or a street's X service). */
export interface NamedService {
  readonly id: string;
  readonly name: Readonly<Record<Locale, string>>;
}

/** The id a case carries before triage decides its service (no plugin has it). */
const UNDECIDED = 'undecided';

/**
 * The name of the service `id` among `services`; 待定 for a case whose service is not decided yet;
 * a service no longer among them shows as its id.
 */
export function serviceName(services: readonly NamedService[], id: string, locale: Locale): string {
  if (id === UNDECIDED) return translate(locale, 'service.undecided');
  return services.find((service) => service.id === id)?.name[locale] || id;
}
