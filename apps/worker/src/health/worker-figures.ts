import { activeTenants, operationalFigures } from '@linju/core';
import { type Database, type PoolStats, withTenant } from '@linju/db';
import { collectDefaultMetrics, Gauge, Registry, registerPoolFigures } from '@linju/metrics';

/** How long one scrape's business figures are reused: several scrapers must not multiply the queries. */
export const FIGURES_CACHE_MS = 15_000;

type TenantFigures = { slug: string } & Awaited<ReturnType<typeof operationalFigures>>;

/**
 * The worker's registry: every district's business figures (read per district through `withTenant`,
 * under RLS, cached for {@link FIGURES_CACHE_MS}), its database pool and Node's process figures.
 * The only label beyond fixed words is the district's slug: never a person, case or referral.
 */
export function createWorkerFigures(db: Database, pool: Readonly<PoolStats>, now: () => number = Date.now) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  let cached: { at: number; figures: Promise<TenantFigures[]> } | null = null;

  async function read(): Promise<TenantFigures[]> {
    const tenants = await activeTenants(db);
    const figures: TenantFigures[] = [];
    for (const t of tenants) {
      const f = await withTenant(db, t.id, (tx) => operationalFigures(tx, t.id));
      figures.push({ slug: t.slug, ...f });
    }
    return figures;
  }
  function current(): Promise<TenantFigures[]> {
    if (!cached || now() - cached.at >= FIGURES_CACHE_MS) {
      const figures = read();
      cached = { at: now(), figures };
      // A failed read is not kept: the next scrape tries again.
      figures.catch(() => {
        if (cached?.figures === figures) cached = null;
      });
    }
    return cached.figures;
  }

  const perTenant = (name: string, help: string, value: (f: TenantFigures) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['tenant'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const f of await current()) this.set({ tenant: f.slug }, value(f));
      },
    });
  perTenant('linju_intakes', 'cases received since the district began (use increase())', (f) => f.intakes);
  perTenant('linju_outbox_backlog', 'exchange messages waiting for delivery', (f) => f.outboxBacklog);
  perTenant('linju_overdue_cases', 'open, unpaused cases past their due day', (f) => f.overdueCases);
  new Gauge({
    name: 'linju_open_referrals',
    help: 'referrals not in a final state, by state',
    labelNames: ['tenant', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const f of await current()) {
        for (const [state, n] of Object.entries(f.openReferrals)) this.set({ tenant: f.slug, state }, n);
      }
    },
  });
  registerPoolFigures(registry, pool);
  return registry;
}
