import type { DataKeyRing } from '@linju/auth/data-key-ring';
import { Client, type ClientOptions, Connection } from '@temporalio/client';
import { linjuDataConverter } from './codec/payload-codec.ts';
import type { TemporalConnectionOptions } from './temporal-connection.ts';

/**
 * What a Temporal client of the platform is made from: how to reach Temporal (TLS, API key: see
 * `readTemporalConnection`), the namespace, and the data keys its payload codec encrypts with —
 * keys, not a ready converter, so no client can be made without the codec.
 */
export type TemporalClientSettings = {
  connection: TemporalConnectionOptions;
  namespace: string;
  dataKeys: DataKeyRing;
  /** The tracing interceptors, where the process traces. */
  interceptors?: ClientOptions['interceptors'];
};

const clientOn = (connection: Connection, settings: TemporalClientSettings) =>
  new Client({
    connection,
    namespace: settings.namespace,
    dataConverter: linjuDataConverter(settings.dataKeys),
    ...(settings.interceptors ? { interceptors: settings.interceptors } : {}),
  });

/**
 * One long-lived client (the server's): it connects on first use, so the process starts while
 * Temporal is still coming up. Close `client.connection` at shutdown.
 */
export const lazyTemporalClient = (settings: TemporalClientSettings): Client =>
  clientOn(Connection.lazy(settings.connection), settings);

/** A client on a connection made now (the worker's, a command's). Close `client.connection` when done. */
export const connectTemporalClient = async (settings: TemporalClientSettings): Promise<Client> =>
  clientOn(await Connection.connect(settings.connection), settings);
