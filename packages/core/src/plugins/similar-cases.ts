import type { TenantTx } from '@linju/db';
import type { AnyPlugin, KnowledgeCapabilities, ReferenceCaseHit } from '@linju/plugin-sdk';
import type { Actor } from '../actor.ts';
import { pluginDb } from '../plugin-data/plugin-db.ts';
import { pluginsSwitchedOn } from './plugins-switched-on.ts';

/**
 * Reference cases like a question, from every installed knowledge plugin declaring a source and
 * switched on somewhere in the district: each searched with its own data handle (its role, its
 * tables) in the request's transaction, in registry order, the first `limit` hits kept.
 */
export function similarCases(
  tx: TenantTx,
  actor: Actor,
  plugins: readonly AnyPlugin[],
): KnowledgeCapabilities['similarCases'] {
  return async (question, limit = 5) => {
    const sources = plugins.filter((plugin) => plugin.kind === 'knowledge' && plugin.referenceCases);
    const on = new Set(
      await pluginsSwitchedOn(
        tx,
        sources.map((plugin) => plugin.id),
      ),
    );
    const hits: ReferenceCaseHit[] = [];
    for (const plugin of sources) {
      if (!on.has(plugin.id) || hits.length >= limit) continue;
      const found = await plugin.referenceCases?.search(pluginDb(tx, actor, plugin.id), {
        text: question,
        limit: limit - hits.length,
      });
      hits.push(...(found ?? []).map((hit) => ({ ...hit, pluginId: plugin.id })));
    }
    return hits.slice(0, limit);
  };
}
