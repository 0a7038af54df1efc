import { describe, expect, it } from 'vitest';
import { DATA_KEY_SETTING, isProduction, requireProductionSettings } from './deployment-mode.ts';

describe('production mode', () => {
  it('is LINJU_ENV=production only; unset is the demo, and any other value is refused', () => {
    expect(isProduction({})).toBe(false);
    expect(isProduction({ LINJU_ENV: 'development' })).toBe(false);
    expect(isProduction({ LINJU_ENV: ' production ' })).toBe(true);
    expect(() => isProduction({ LINJU_ENV: 'Production' })).toThrow(
      "LINJU_ENV must be production or development (got 'Production').",
    );
  });

  it('names every missing setting in one line, a blank one counted as missing, either of alternatives enough', () => {
    const settings = ['DATABASE_APP_URL', 'TEMPORAL_ADDRESS', DATA_KEY_SETTING] as const;
    expect(() =>
      requireProductionSettings(settings, { LINJU_ENV: 'production', TEMPORAL_ADDRESS: ' ' }),
    ).toThrow(
      'Production mode (LINJU_ENV=production) is missing DATABASE_APP_URL, TEMPORAL_ADDRESS, LINJU_DATA_KEY or LINJU_DATA_KEY_FILE.',
    );
    expect(() =>
      requireProductionSettings(settings, {
        LINJU_ENV: 'production',
        DATABASE_APP_URL: 'postgres://app@db/linju',
        TEMPORAL_ADDRESS: 'temporal:7233',
        LINJU_DATA_KEY_FILE: '/run/secrets/linju-data-key',
      }),
    ).not.toThrow();
    expect(() => requireProductionSettings(settings, {})).not.toThrow();
  });
});
