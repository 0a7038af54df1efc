import { MESSAGE_PROVIDERS, type MessageProviderKind } from '@linju/vocabulary';
import type { ProviderEndpoints } from './create-message-provider.ts';

/** The adapters that send over HTTP, whose address an operator may replace. */
const HTTP_ADAPTERS = new Set<string>(
  Object.values(MESSAGE_PROVIDERS)
    .flat()
    .filter((kind) => kind !== 'log' && kind !== 'smtp'),
);

/**
 * Reads `LINJU_MESSAGE_ENDPOINTS` (`aliyun-sms=https://relay.example/,tencent-sms=…`): the operator
 * points an HTTP adapter at a relay of the extranet, or at a provider's stand-in on a laptop. A
 * mistake (an unknown adapter, an address that is not http(s)) is refused, naming it.
 */
export function readProviderEndpoints(value: string | undefined): ProviderEndpoints {
  const endpoints: ProviderEndpoints = {};
  for (const entry of (value ?? '').split(',').map((e) => e.trim())) {
    if (!entry) continue;
    const at = entry.indexOf('=');
    const kind = entry.slice(0, at).trim();
    const address = entry.slice(at + 1).trim();
    if (at < 0 || !HTTP_ADAPTERS.has(kind)) {
      throw new Error(
        `LINJU_MESSAGE_ENDPOINTS: '${entry}' does not name an HTTP adapter (${[...HTTP_ADAPTERS].join(', ')})`,
      );
    }
    let url: URL;
    try {
      url = new URL(address);
    } catch {
      throw new Error(`LINJU_MESSAGE_ENDPOINTS: the address of ${kind} is not a URL ('${address}')`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new Error(`LINJU_MESSAGE_ENDPOINTS: the address of ${kind} must be http or https`);
    }
    endpoints[kind as MessageProviderKind] = address;
  }
  return endpoints;
}
