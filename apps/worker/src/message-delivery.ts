import type { SecretBox } from '@linju/auth';
import {
  type ClaimedMessage,
  claimDueMessages,
  type LoadedMessageProvider,
  loadMessageProviders,
  recordSendOutcome,
  type SendOutcome,
} from '@linju/core';
import { type Database, withTenant } from '@linju/db';
import { translate } from '@linju/i18n';
import { createMessageProvider, type ProviderEndpoints } from '@linju/message-providers';

export type MessageDeliveryDeps = {
  /** The application role's pool: every step runs in its district's transaction, under RLS. */
  db: Database;
  /** Opens the recipients, parameters and provider credentials. */
  box: SecretBox;
  /** Tests point the HTTP adapters at their stand-ins; production sends to the providers. */
  endpoints?: ProviderEndpoints;
  /**
   * This deployment's address (`LINJU_PUBLIC_URL`): a `link` parameter is queued as a path of the
   * site and leaves as a full address a phone can open.
   */
  publicUrl?: string;
  now?: () => Date;
};

export type DeliveryPass = { claimed: number; sent: number; retrying: number; failed: number };

/** E-mail and robots carry the template's zh-CN text; SMS sends the registered template id instead. */
const rendered = (m: ClaimedMessage) => ({
  text: translate('zh-CN', `messageTemplate.${m.templateKey}`, m.params),
  subject: translate('zh-CN', `messageTemplateName.${m.templateKey}`),
});

/** The message with its `link` made absolute against the deployment's address. */
export function withAbsoluteLink(m: ClaimedMessage, publicUrl: string | undefined): ClaimedMessage {
  const link = m.params.link;
  if (!publicUrl || !link?.startsWith('/')) return m;
  return { ...m, params: { ...m.params, link: new URL(link, publicUrl).href } };
}

async function attempt(config: LoadedMessageProvider, m: ClaimedMessage, endpoints: ProviderEndpoints) {
  let provider: ReturnType<typeof createMessageProvider>;
  try {
    provider = createMessageProvider(config, endpoints);
  } catch (error) {
    // The district's settings are wrong (a missing sign name, a bad port): no attempt will do better.
    const reason = error instanceof Error ? error.message.replace(/\s+/g, ' ') : String(error);
    return { outcome: 'failed', error: `provider-misconfigured: ${reason}`.slice(0, 300) } as SendOutcome;
  }
  return provider.send({ ...m, ...rendered(m) });
}

/**
 * One pass over a district's outbox: its due messages on the channels it configured are claimed
 * (one transaction), each sent through its channel's adapter outside any transaction, and each
 * outcome recorded in its own. Every worker process may run it at once: a claim skips what another
 * holds. Returns what happened, for the log.
 */
export async function deliverDueMessages(deps: MessageDeliveryDeps, tenantId: string): Promise<DeliveryPass> {
  const now = deps.now ?? (() => new Date());
  const configs = await withTenant(deps.db, tenantId, (tx) => loadMessageProviders(tx, deps.box));
  const pass: DeliveryPass = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
  if (configs.length === 0) return pass;
  const claimed = await withTenant(deps.db, tenantId, (tx) =>
    claimDueMessages(tx, deps.box, { tenantId, channels: configs.map((c) => c.channel), now: now() }),
  );
  pass.claimed = claimed.length;
  for (const m of claimed) {
    const config = configs.find((c) => c.channel === m.channel);
    if (!config) continue;
    const result = await attempt(config, withAbsoluteLink(m, deps.publicUrl), deps.endpoints ?? {});
    const recorded = await withTenant(deps.db, tenantId, (tx) =>
      recordSendOutcome(tx, {
        tenantId,
        id: m.id,
        attempt: m.attempt,
        provider: config.provider,
        now: now(),
        result,
      }),
    );
    if (recorded?.status === 'queued') pass.retrying++;
    else if (recorded?.status === 'failed') pass.failed++;
    else if (recorded) pass.sent++;
  }
  return pass;
}
