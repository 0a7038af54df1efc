import { randomBytes } from 'node:crypto';
import type { District } from './onboard-districts.ts';
import { ProxyClient, type TrpcOutcome } from './proxy-client.ts';

/** One request the load made: when it ended (ms since the load began), what, and how it went. */
export type RequestRecord = { at: number; procedure: string; ok: boolean; status: number; error?: string };

/** What a client was told it has: the intakes (key → case) and referrals (case → referral) answered 2xx. */
export type Acknowledged = {
  district: District;
  intakes: Map<string, { caseId: string; number: string }>;
  referrals: Map<string, string>;
  /** Intakes sent again after a cut-off attempt that the server answered with the case already made. */
  repeatedIntakes: number;
  /** Answers that carried another district's data: must stay empty. */
  wrongTenant: string[];
};

/** Only failures where the proxy or a server was cut off are retried; a refusal is a real error. */
const cutOff = (outcome: TrpcOutcome<unknown>) =>
  !outcome.ok && (outcome.status === 0 || outcome.status >= 502);

/**
 * One desk officer's steady work through the proxy until `until`: an intake (`case.create`, its
 * `externalRef` the client's key for it), and for every third a consent and a referral to the other
 * district's court through the exchange, plus `auth.me` to see whose answers these are. A request
 * cut off by a kill (connection reset, 502–504) is sent again as it was: an intake with the same key,
 * a referral to the same partner (a repeat of an open one answers it).
 */
export async function runDesk(options: {
  proxyPort: number;
  district: District;
  from: string;
  password: string;
  startedAt: number;
  until: number;
  records: RequestRecord[];
  acknowledged: Acknowledged;
}) {
  const { district, records, acknowledged } = options;
  const client = new ProxyClient(options.proxyPort, district.host, options.from);
  const call = async <T>(kind: 'mutation' | 'query', procedure: string, input: unknown) => {
    let outcome: TrpcOutcome<T>;
    try {
      outcome = await client.trpc<T>(kind, procedure, input);
    } catch (error) {
      outcome = { ok: false, status: 0, error: (error as Error).message };
    }
    records.push({
      at: performance.now() - options.startedAt,
      procedure,
      ok: outcome.ok,
      status: outcome.ok ? 200 : outcome.status,
      ...(outcome.ok ? {} : { error: outcome.error }),
    });
    return outcome;
  };
  /** Tries again while the request is cut off; gives up after a minute of trying. */
  const untilAnswered = async <T>(attempt: () => Promise<TrpcOutcome<T>>): Promise<T> => {
    const deadline = performance.now() + 60_000;
    for (;;) {
      const outcome = await attempt();
      if (outcome.ok) return outcome.data;
      if (!cutOff(outcome) || performance.now() > deadline)
        throw new Error(`${district.slug}: ${outcome.error} (HTTP ${outcome.status})`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  const signedIn = await untilAnswered(() => client.signIn(district.slug, 'desk', options.password));
  if (signedIn.next !== 'home') throw new Error(`${district.slug} desk signed in to ${signedIn.next}`);
  const label = randomBytes(3).toString('hex');
  try {
    for (let n = 0; performance.now() - options.startedAt < options.until; n++) {
      const key = `dt-${district.slug}-${label}-${n}`;
      const created = await untilAnswered(() =>
        call<{ id: string; number: string; receivedAtOrganisationId: string; repeated: boolean }>(
          'mutation',
          'case.create',
          {
            channel: 'walk-in',
            organisationId: district.centreId,
            serviceType: 'mediation',
            description: `部署测试调解申请 ${n}`,
            resident: { name: `居民${label}${n}`, phone: `139${String(10_000_000 + n).slice(-8)}` },
            externalRef: key,
          },
        ),
      );
      acknowledged.intakes.set(key, { caseId: created.id, number: created.number });
      if (created.repeated) acknowledged.repeatedIntakes += 1;
      if (created.receivedAtOrganisationId !== district.centreId)
        acknowledged.wrongTenant.push(`case.create ${key} on ${district.host}`);
      const me = await untilAnswered(() =>
        call<{ tenant: { slug: string } } | null>('query', 'auth.me', null),
      );
      if (me?.tenant.slug !== district.slug) acknowledged.wrongTenant.push(`auth.me on ${district.host}`);
      if (n % 3 !== 0) continue;
      await untilAnswered(() =>
        call('mutation', 'case.recordConsent', {
          caseId: created.id,
          partnerOrganisationId: district.partnerId,
        }),
      );
      // Sent again after a cut-off, the send answers the referral the first made (still open).
      const sent = await untilAnswered(() =>
        call<{ id: string }>('mutation', 'referral.create', {
          caseId: created.id,
          toOrganisationId: district.partnerId,
          kind: 'judicial-confirmation',
          summary: '调解协议申请司法确认',
        }),
      );
      acknowledged.referrals.set(created.id, sent.id);
    }
  } finally {
    client.close();
  }
}
