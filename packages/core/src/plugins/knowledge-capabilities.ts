import type { TenantTx } from '@linju/db';
import type { AnyPlugin, KnowledgeCapabilities, LanguageModel } from '@linju/plugin-sdk';
import type { Actor } from '../actor.ts';
import { offeredServices } from './offered-services.ts';
import { similarCases } from './similar-cases.ts';
import { statuteLibrary } from './statute-library.ts';

/** What the knowledge capabilities draw on besides the transaction: set up by the API per request. */
export type KnowledgeSources = {
  /** The installed plugins: the services offered, and the knowledge plugins holding reference cases. */
  readonly plugins: readonly AnyPlugin[];
  /** The operator's language model, `null` when none is set. */
  readonly languageModel: LanguageModel | null;
};

/** The platform's own model (`createLanguageModel`: `GatedLanguageModel`) can check its citations elsewhere. */
type RebindableModel = LanguageModel & {
  checkingWith(statutes: KnowledgeCapabilities['statutes']): LanguageModel;
};

/**
 * The model as a request lends it: the platform's checks citations in the request's transaction
 * (asking the pool for a second connection inside it is refused); any other (a test's stand-in) as it is.
 */
const inRequest = (model: LanguageModel, statutes: KnowledgeCapabilities['statutes']): LanguageModel =>
  'checkingWith' in model ? (model as RebindableModel).checkingWith(statutes) : model;

/** `ctx.knowledge` of a procedure, over the request's transaction (`actor` is whose a plugin's reads are). */
export function knowledgeCapabilities(
  tx: TenantTx,
  actor: Actor,
  sources: KnowledgeSources,
): KnowledgeCapabilities {
  const statutes = statuteLibrary(tx);
  return {
    statutes,
    similarCases: similarCases(tx, actor, sources.plugins),
    services: () => offeredServices(tx, sources.plugins),
    // Its citation gate reads the library in the request's transaction, as everything else here.
    languageModel: sources.languageModel && inRequest(sources.languageModel, statutes),
  };
}
