import { z } from 'zod';

/** Province-level prefixes of GB/T 2260 (11 Beijing … 65 Xinjiang, 71 Taiwan, 81/82 HK/Macao). */
const PROVINCE_PREFIXES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
  62, 63, 64, 65, 71, 81, 82,
]);

export const ZDivisionCode = z
  .string()
  .regex(/^[0-9]{6}$/, { message: 'tenant.division_code_invalid' })
  .refine((code) => PROVINCE_PREFIXES.has(Number(code.slice(0, 2))), {
    message: 'tenant.division_code_invalid',
  });

export const ZTenantSlug = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, { message: 'tenant.slug_invalid' });

const timeZones = new Set(Intl.supportedValuesOf('timeZone'));
export const ZTimeZone = z
  .string()
  .refine((tz) => timeZones.has(tz), { message: 'tenant.time_zone_invalid' });

export const ZName = z
  .string()
  .trim()
  .min(1, { message: 'validation.required' })
  .max(100, { message: 'validation.too_long' });

/**
 * A logo's address: an http(s) URL or a path on this site. `z.url()` alone takes any scheme, and a
 * `javascript:` or `data:` logo would run or smuggle content wherever it is shown as a link or image.
 */
export const ZLogoUrl = z
  .string()
  .trim()
  .max(500)
  .refine((value) => (value.startsWith('/') ? !value.startsWith('//') : /^https?:\/\/[^/\s]/i.test(value)), {
    message: 'validation.url_invalid',
  })
  .refine((value) => URL.canParse(value, 'http://localhost'), { message: 'validation.url_invalid' });

export const ZBranding = z.object({
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'tenant.colour_invalid' }),
  logoUrl: ZLogoUrl.nullish(),
});

export const ZUsername = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, { message: 'staff.username_invalid' });

export const ZOnboardTenantRequest = z.object({
  slug: ZTenantSlug,
  nameZh: ZName,
  nameEn: ZName,
  divisionCode: ZDivisionCode,
  timeZone: ZTimeZone.default('Asia/Shanghai'),
  branding: ZBranding.default({ colour: '#b4232a' }),
  services: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/)).default([]),
  centre: z.object({ nameZh: ZName, nameEn: ZName }),
  firstAdmin: z.object({ username: ZUsername, displayName: ZName, password: z.string().min(1).max(200) }),
});
export type OnboardTenantRequest = z.input<typeof ZOnboardTenantRequest>;
