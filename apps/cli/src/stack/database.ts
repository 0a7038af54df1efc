import { appUrlFrom } from '@linju/db/app-role';
import { OWNER_SETTINGS, requireProductionSettings } from '@linju/db/deployment-mode';
import {
  credentials,
  type EmbeddedPostgresHandle,
  runningEmbeddedPostgres,
  startEmbeddedPostgres,
} from '@linju/db/embedded';

export type DatabaseUrls = { ownerUrl: string; appUrl: string; embedded: EmbeddedPostgresHandle | null };

/**
 * `DATABASE_URL` (the owner, who migrates) switches to an external server and nothing embedded
 * starts; `DATABASE_APP_URL` may name the application role's URL there, else it is derived.
 * Production has no embedded database and no derived password: both URLs are required.
 */
export async function openDatabase(dir: string): Promise<DatabaseUrls> {
  requireProductionSettings(OWNER_SETTINGS);
  const external = process.env.DATABASE_URL;
  if (external) {
    return {
      ownerUrl: external,
      appUrl: process.env.DATABASE_APP_URL ?? appUrlFrom(external, credentials(dir).appPassword),
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

export const appPassword = (dir: string) =>
  process.env.DATABASE_APP_URL
    ? decodeURIComponent(new URL(process.env.DATABASE_APP_URL).password)
    : credentials(dir).appPassword;
