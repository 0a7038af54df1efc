import { appUrlFrom } from '@linju/db/app-role';
import { OWNER_SETTINGS, requireProductionSettings } from '@linju/db/deployment-mode';
import {
  credentials,
  type EmbeddedPostgresHandle,
  runningEmbeddedPostgres,
  startEmbeddedPostgres,
} from '@linju/db/embedded';
import { secretSetting } from '@linju/db/secret-setting';

export type DatabaseUrls = { ownerUrl: string; appUrl: string; embedded: EmbeddedPostgresHandle | null };

/**
 * `DATABASE_URL` (the owner, who migrates) switches to an external server and nothing embedded
 * starts; `DATABASE_APP_URL` may name the application role's URL there, else it is derived. Either
 * may come from its secret file (`DATABASE_URL_FILE`, `DATABASE_APP_URL_FILE`).
 * Production has no embedded database and no derived password: both URLs are required.
 */
export async function openDatabase(dir: string): Promise<DatabaseUrls> {
  requireProductionSettings(OWNER_SETTINGS);
  const external = externalDatabaseUrl();
  if (external) {
    return {
      ownerUrl: external,
      appUrl:
        secretSetting(process.env, 'DATABASE_APP_URL') ?? appUrlFrom(external, credentials(dir).appPassword),
      embedded: null,
    };
  }
  const { appPassword } = credentials(dir);
  // A running stack's own database: joined, not started twice (rotation runs beside the stack).
  const running = runningEmbeddedPostgres(dir);
  if (running) return { ...running, appUrl: appUrlFrom(running.ownerUrl, appPassword), embedded: null };
  const embedded = await startEmbeddedPostgres(dir);
  return { ownerUrl: embedded.ownerUrl, appUrl: appUrlFrom(embedded.ownerUrl, appPassword), embedded };
}

/** The owner URL of an external PostgreSQL (`DATABASE_URL` or its secret file); none: embedded. */
export const externalDatabaseUrl = (): string | undefined => secretSetting(process.env, 'DATABASE_URL');

export function appPassword(dir: string): string {
  const appUrl = secretSetting(process.env, 'DATABASE_APP_URL');
  return appUrl ? decodeURIComponent(new URL(appUrl).password) : credentials(dir).appPassword;
}

/**
 * The environment of a process the stack starts with the URLs it opened: their secret files are
 * dropped, as the child would otherwise see a URL and its file both set and refuse to start.
 */
export const withDatabaseUrls = (
  env: NodeJS.ProcessEnv,
  urls: Partial<Record<'DATABASE_URL' | 'DATABASE_APP_URL', string>>,
) => ({
  ...env,
  DATABASE_URL_FILE: undefined,
  DATABASE_APP_URL_FILE: undefined,
  ...urls,
});
