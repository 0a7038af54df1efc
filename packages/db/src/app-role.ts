/**
 * The application role — owns nothing, cannot bypass RLS (created by `ensureRoles`). Kept free of
 * imports so the `linju start` supervisor can derive URLs without loading drizzle.
 */
export const APP_ROLE = 'linju_app';

/** The owner's URL with the application role's credentials in place of the owner's. */
export function appUrlFrom(ownerUrl: string, appPassword: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = encodeURIComponent(appPassword);
  return url.toString();
}
