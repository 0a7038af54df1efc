import { type Locale, translate } from '@linju/i18n';

/** A service as the API answers it: its id and its name per locale (from its manifest, or a street's X service). */
export interface NamedService {
  readonly id: string;
  readonly name: Readonly<Record<Locale, string>>;
  /** Its case categories, named in its manifest (a street's X service has none). */
  readonly categories?: readonly { readonly id: string; readonly name: Readonly<Record<Locale, string>> }[];
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

/**
 * The name of a case category of the service `serviceId`; a category its manifest no longer lists
 * (one typed as a code before categories were chosen from a list) shows as it was stored.
 */
export function categoryName(
  services: readonly NamedService[],
  serviceId: string,
  categoryId: string,
  locale: Locale,
): string {
  const service = services.find((s) => s.id === serviceId);
  return service?.categories?.find((category) => category.id === categoryId)?.name[locale] || categoryId;
}

/** A statistics key `<service><separator><category>` (`-` or empty: none) as "服务 · 类别". */
export function serviceCategoryName(
  services: readonly NamedService[],
  key: string,
  separator: ':' | '/',
  locale: Locale,
): string {
  const [service = '', category = '-'] = key.split(separator);
  const named = serviceName(services, service, locale);
  return category === '-' || category === ''
    ? named
    : `${named} · ${categoryName(services, service, category, locale)}`;
}
