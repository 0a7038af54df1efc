import { SetupError } from './embedded.ts';
import { secretSettingNames } from './secret-setting.ts';

type Env = Record<string, string | undefined>;

/**
 * A setting production mode needs: one variable, or alternatives of which one is enough (a key
 * given inline or as a secret file).
 */
export type RequiredSetting = string | readonly [string, ...string[]];

/** The data key, inline or as a secret file: production never makes one of its own. */
export const DATA_KEY_SETTING = secretSettingNames('LINJU_DATA_KEY');

/** The database URLs carry passwords: each may come from a secret file like the keys. */
const DATABASE_URL_SETTING = secretSettingNames('DATABASE_URL');
const DATABASE_APP_URL_SETTING = secretSettingNames('DATABASE_APP_URL');

/** What the server and the worker need in production: nothing embedded, nothing defaulted. */
export const RUNTIME_SETTINGS: readonly RequiredSetting[] = [
  DATABASE_APP_URL_SETTING,
  'TEMPORAL_ADDRESS',
  'LINJU_PUBLIC_URL',
  'LINJU_DATA_DIR',
  DATA_KEY_SETTING,
];

/** What an operator command that opens the database needs in production (the owner migrates). */
export const OWNER_SETTINGS: readonly RequiredSetting[] = [
  DATABASE_URL_SETTING,
  DATABASE_APP_URL_SETTING,
  'LINJU_DATA_DIR',
];

const MODES = ['development', 'production'] as const;

/**
 * `LINJU_ENV=production` (what the packaged service sets) switches off everything made for a
 * laptop: the embedded PostgreSQL, the demo, keys and passwords made on first start. Any other
 * value than the two modes is refused, so a typo (`prod`) never falls back to the demo.
 */
export function isProduction(env: Env = process.env): boolean {
  const mode = env.LINJU_ENV?.trim() || 'development';
  if (!(MODES as readonly string[]).includes(mode))
    throw new SetupError(
      `LINJU_ENV must be production or development (got '${mode}').`,
      'Set LINJU_ENV=production for a deployment; leave it unset for the embedded demo.',
    );
  return mode === 'production';
}

const isSet = (env: Env, name: string) => (env[name]?.trim() ?? '') !== '';

/**
 * In production, refuses at once — one line naming every missing setting — rather than falling back
 * to a default made for the embedded demo. Outside production it does nothing.
 */
export function requireProductionSettings(
  settings: readonly RequiredSetting[],
  env: Env = process.env,
): void {
  if (!isProduction(env)) return;
  const missing = settings
    .filter((s) => (typeof s === 'string' ? !isSet(env, s) : !s.some((name) => isSet(env, name))))
    .map((s) => (typeof s === 'string' ? s : s.join(' or ')));
  if (missing.length === 0) return;
  throw new SetupError(
    `Production mode (LINJU_ENV=production) is missing ${[...new Set(missing)].join(', ')}.`,
    'Set them (every setting: docs/operations.md, "Configure"); production has no defaults for these.',
  );
}

/**
 * For a process's start-up (the server, the worker): a missing setting or key ends it with its
 * one line (and the remedy) on stderr, not a stack trace an operator has to read through.
 */
export async function loadOrExit<T>(load: () => T | Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const { message, hint } = error as { message?: string; hint?: string };
    process.stderr.write(`✖ ${message ?? String(error)}${hint ? `\n  → ${hint}` : ''}\n`);
    process.exit(1);
  }
}
