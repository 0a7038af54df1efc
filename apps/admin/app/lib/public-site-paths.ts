/**
 * The addresses of a district's public site for residents (`/t/<slug>/public/…`). Each part of the
 * site adds its own here, so a link is never spelled twice.
 */
export const publicSitePaths = {
  home: (slug: string) => `/t/${slug}/public`,
};
