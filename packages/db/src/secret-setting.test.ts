import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OWNER_SETTINGS, RUNTIME_SETTINGS, requireProductionSettings } from './deployment-mode.ts';
import { secretSetting } from './secret-setting.ts';

const secretFile = (text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'linju-secret-')), 'secret');
  writeFileSync(file, text, { mode: 0o600 });
  return file;
};

describe('a secret setting', () => {
  it('reads <NAME>_FILE, trimmed (a mounted secret ends in a newline)', () => {
    const file = secretFile('postgres://linju_app:pw@db/linju\n');
    expect(secretSetting({ DATABASE_APP_URL_FILE: file }, 'DATABASE_APP_URL')).toBe(
      'postgres://linju_app:pw@db/linju',
    );
  });

  it('reads the variable itself, trimmed, and a blank one as unset', () => {
    expect(secretSetting({ LINJU_METRICS_TOKEN: ' token-of-16-chars ' }, 'LINJU_METRICS_TOKEN')).toBe(
      'token-of-16-chars',
    );
    expect(secretSetting({ LINJU_METRICS_TOKEN: ' ' }, 'LINJU_METRICS_TOKEN')).toBeUndefined();
    expect(secretSetting({}, 'LINJU_METRICS_TOKEN')).toBeUndefined();
  });

  it('refuses both set, in one line naming both', () => {
    const file = secretFile('postgres://owner@db/linju');
    expect(() =>
      secretSetting({ DATABASE_URL: 'postgres://owner@db/linju', DATABASE_URL_FILE: file }, 'DATABASE_URL'),
    ).toThrow(/^Set DATABASE_URL or DATABASE_URL_FILE, not both\.$/);
  });

  it('names the variable of a file it cannot read, never the secret', () => {
    expect(() => secretSetting({ DATABASE_URL_FILE: '/nonexistent/owner-url' }, 'DATABASE_URL')).toThrow(
      /^DATABASE_URL_FILE: cannot read \/nonexistent\/owner-url \(ENOENT\)\.$/,
    );
    if (process.getuid?.() === 0) return; // root reads a 0000 file: ENOENT above covers the line
    const unreadable = secretFile('s3cret');
    chmodSync(unreadable, 0o000);
    expect(() => secretSetting({ LINJU_METRICS_TOKEN_FILE: unreadable }, 'LINJU_METRICS_TOKEN')).toThrow(
      /^LINJU_METRICS_TOKEN_FILE: cannot read .* \(EACCES\)\.$/,
    );
  });

  it('satisfies production mode through its file as well as inline', () => {
    const production = {
      LINJU_ENV: 'production',
      DATABASE_URL_FILE: '/run/credentials/linju/database-url',
      DATABASE_APP_URL_FILE: '/run/credentials/linju/database-app-url',
      TEMPORAL_ADDRESS: 'temporal:7233',
      LINJU_PUBLIC_URL: 'https://linju.example.gov.cn',
      LINJU_DATA_DIR: '/var/lib/linju',
      LINJU_DATA_KEY_FILE: '/run/credentials/linju/data-key',
    };
    expect(() =>
      requireProductionSettings([...OWNER_SETTINGS, ...RUNTIME_SETTINGS], production),
    ).not.toThrow();
    expect(() => requireProductionSettings(OWNER_SETTINGS, { LINJU_ENV: 'production' })).toThrow(
      'is missing DATABASE_URL or DATABASE_URL_FILE, DATABASE_APP_URL or DATABASE_APP_URL_FILE, LINJU_DATA_DIR.',
    );
  });
});
