import { uuidV5 } from './uuid-v5.ts';

/**
 * Linju's namespace for HSDS ids (fixed forever: changing it changes every published id). Chosen
 * at random once; only ever an input to UUIDv5.
 */
export const LINJU_HSDS_NAMESPACE = 'be4b012c-81f1-42e9-89c2-5a3506f97a3b';

/**
 * The HSDS id of an object Linju keys by something other than a UUID (`service`, tenant id,
 * `x-rent-clinic/advice`): the same key gives the same id in every export, on every deployment.
 */
export const hsdsId = (...key: readonly string[]): string => uuidV5(key.join('/'), LINJU_HSDS_NAMESPACE);
