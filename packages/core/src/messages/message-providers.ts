import { randomUUID } from 'node:crypto';
import type { SecretBox } from '@linju/auth';
import { eq, schema, sealedColumns, type TenantTx } from '@linju/db';
import { providerConfigProblem } from '@linju/message-providers';
import { MESSAGE_CHANNELS, MESSAGE_PROVIDERS, type MessageChannel } from '@linju/vocabulary';
import { z } from 'zod';
import { type Actor, auditActor, requireTenantWide } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';

const ZSettingValue = z.union([
  z.string().max(500),
  z.number(),
  z.boolean(),
  // An SMS template's registration: its id and the provider's name for each of our parameters.
  z.object({ templateId: z.string().min(1).max(100), params: z.array(z.string().min(1).max(50)).max(10) }),
]);

export const ZSetMessageProviderRequest = z.object({
  channel: z.enum(MESSAGE_CHANNELS),
  provider: z.string().min(1).max(40),
  /** Not secret: sign name, region, SDK app id, sender address, SMTP host; `template.<key>` entries. */
  settings: z.record(z.string().max(80), ZSettingValue).default({}),
  /** Secret: access keys, the SMTP password, a robot's key and signing secret. Sealed at rest. */
  credentials: z.record(z.string().max(80), z.string().max(500)).default({}),
  /**
   * Keep the credentials saved for this channel (the settings form never shows them back): only
   * while the adapter stays the same.
   */
  keepCredentials: z.boolean().default(false),
});

/**
 * Sets (or replaces) how the district sends on a channel. District-wide settings: the bureau's
 * administrator only. The audit entry names the adapter and the settings' names, never a credential.
 */
export async function setMessageProvider(
  tx: TenantTx,
  actor: Actor,
  box: SecretBox,
  request: z.input<typeof ZSetMessageProviderRequest>,
) {
  requireTenantWide(actor, 'tenant.settings.manage');
  const input = ZSetMessageProviderRequest.parse(request);
  const allowed: readonly string[] = MESSAGE_PROVIDERS[input.channel];
  if (!allowed.includes(input.provider))
    throw new DomainError('bad-request', 'message.provider_not_for_channel', {
      field: 'provider',
      params: { provider: input.provider, channel: input.channel },
    });
  const credentials = input.keepCredentials ? await savedCredentials(tx, box, input) : input.credentials;
  const problem = providerConfigProblem({ ...input, credentials });
  if (problem)
    throw new DomainError('bad-request', 'message.provider_setting_invalid', { field: problem.field });
  const id = randomUUID();
  const values = {
    tenantId: actor.tenantId,
    id,
    channel: input.channel,
    provider: input.provider,
    settings: input.settings,
    credentialsSealed: box.encrypt(
      JSON.stringify(credentials),
      actor.tenantId,
      sealedColumns.messageProviderCredentials,
    ),
    updatedAt: new Date(),
  };
  const [row] = await tx
    .insert(schema.messageProvider)
    .values(values)
    .onConflictDoUpdate({
      target: [schema.messageProvider.tenantId, schema.messageProvider.channel],
      set: {
        provider: values.provider,
        settings: values.settings,
        credentialsSealed: values.credentialsSealed,
        updatedAt: values.updatedAt,
      },
    })
    .returning({ id: schema.messageProvider.id });
  if (!row) throw new Error('message provider upsert returned no row');
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'message.provider_set',
    objectType: 'message_provider',
    objectId: row.id,
    after: {
      channel: input.channel,
      provider: input.provider,
      settings: input.settings,
      credentials: Object.keys(credentials),
      ...(input.keepCredentials ? { credentialsKept: true } : {}),
    },
  });
  return { id: row.id, channel: input.channel, provider: input.provider };
}

/** The credentials saved for the channel, if its adapter is the one asked for; else the form must give them. */
async function savedCredentials(
  tx: TenantTx,
  box: SecretBox,
  input: { channel: MessageChannel; provider: string },
): Promise<Record<string, string>> {
  const [saved] = await tx
    .select()
    .from(schema.messageProvider)
    .where(eq(schema.messageProvider.channel, input.channel));
  if (saved?.provider !== input.provider)
    throw new DomainError('bad-request', 'message.provider_credentials_required', { field: 'credentials' });
  return JSON.parse(
    box.decrypt(saved.credentialsSealed, saved.tenantId, sealedColumns.messageProviderCredentials),
  ) as Record<string, string>;
}

/** The district's channels as the settings page shows them: adapter and settings, no credential. */
export async function listMessageProviders(tx: TenantTx, actor: Actor) {
  requireTenantWide(actor, 'tenant.settings.manage');
  const p = schema.messageProvider;
  return tx
    .select({ channel: p.channel, provider: p.provider, settings: p.settings, updatedAt: p.updatedAt })
    .from(p)
    .orderBy(p.channel);
}

export type LoadedMessageProvider = {
  channel: MessageChannel;
  provider: string;
  settings: Record<string, unknown>;
  credentials: Record<string, string>;
};

/** Every channel the district configured, credentials opened: for the worker's delivery only. */
export async function loadMessageProviders(tx: TenantTx, box: SecretBox): Promise<LoadedMessageProvider[]> {
  const rows = await tx.select().from(schema.messageProvider);
  return rows.map((r) => ({
    channel: r.channel,
    provider: r.provider,
    settings: r.settings,
    credentials: JSON.parse(
      box.decrypt(r.credentialsSealed, r.tenantId, sealedColumns.messageProviderCredentials),
    ) as Record<string, string>,
  }));
}
