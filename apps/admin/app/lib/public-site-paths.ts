/**
 * The addresses of a district's public site for residents (`/t/<slug>/public/…`): each part of the
 * site spells its links from here, so an address is never written twice.
 */
const below = (slug: string, part = '') => `/t/${slug}/public${part ? `/${part}` : ''}`;

export const publicSitePaths = {
  home: (slug: string) => below(slug),
  /** Finding help: the services, one service, the service points, this week's duty rota. */
  services: (slug: string) => below(slug, 'services'),
  service: (slug: string, serviceId: string) => below(slug, `services/${encodeURIComponent(serviceId)}`),
  points: (slug: string) => below(slug, 'points'),
  point: (slug: string, organisationId: string) =>
    below(slug, `points/${encodeURIComponent(organisationId)}`),
  rota: (slug: string) => below(slug, 'rota'),
  /** Large-text mode (适老化) on or off: a form posts here. */
  largeText: (slug: string) => below(slug, 'large-text'),
  /** A phone proven by an SMS code; `next` is where to go after (a path of this site). */
  verify: (slug: string) => below(slug, 'verify'),
  /** Following one's matters. */
  follow: (slug: string) => below(slug, 'follow'),
  /** One of the resident's matters, by the case's id (no phone, name or number in the address). */
  followMatter: (slug: string, caseId: string) => below(slug, `follow/${encodeURIComponent(caseId)}`),
  /** Asking and applying online. */
  apply: (slug: string) => below(slug, 'apply'),
  /** The confirmation of an application: its case number, and the way to follow it. */
  applied: (slug: string, caseNumber: string) =>
    `${below(slug, 'apply/done')}?${new URLSearchParams({ case: caseNumber })}`,
  /** Booking an appointment. */
  book: (slug: string) => below(slug, 'book'),
  /** The suggestion box. */
  suggestions: (slug: string) => below(slug, 'suggestions'),
};
