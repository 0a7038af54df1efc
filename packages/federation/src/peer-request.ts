import { type LookupAddress, lookup } from 'node:dns';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPrivateAddress } from './private-address.ts';

/** The spec's limit on a message body, and what this node reads of any answer from a peer. */
export const MAX_PEER_RESPONSE_BYTES = 1024 * 1024;

/** Why a request to a peer was not made or its answer not taken: never retried into success. */
export class PeerRequestRefused extends Error {
  override readonly name = 'PeerRequestRefused';
  readonly reason: 'private-address' | 'redirect' | 'too-large' | 'timeout';
  constructor(reason: PeerRequestRefused['reason'], message: string) {
    super(message);
    this.reason = reason;
  }
}

export interface PeerRequestInput {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Record<string, string>;
  readonly body?: string;
  /**
   * Whether the target may resolve to a loopback, private or link-local address: only for a peer
   * an operator pinned there on purpose, or this node's own URL (loopback delivery).
   */
  readonly allowPrivateNetwork: boolean;
  /** The most bytes of the answer's body read; past it the request is aborted. */
  readonly maxBytes?: number;
  /** Until the connection stands (DNS and TCP/TLS). */
  readonly connectTimeoutMs?: number;
  /** Until the whole answer has arrived. */
  readonly timeoutMs?: number;
}

const notAllowedHint = 'a peer there must be pinned with private network allowed';

/**
 * Resolves like the system does, then refuses the connection if any address is not public: the
 * address checked is the one connected to, so a host name that resolves (or re-resolves, DNS
 * rebinding) to 127.0.0.1 or 169.254.169.254 is caught, not only an IP literal in the URL.
 */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const refused = addresses.find((a) => isPrivateAddress(a.address));
    if (refused || addresses.length === 0) {
      const why = new PeerRequestRefused(
        'private-address',
        `${hostname} resolves to ${refused?.address ?? 'nothing'}, not a public address (${notAllowedHint})`,
      );
      return callback(why as NodeJS.ErrnoException, '', 0);
    }
    if (options.all) return (callback as (e: null, a: LookupAddress[]) => void)(null, addresses);
    const [first] = addresses as [LookupAddress];
    return callback(null, first.address, first.family);
  });
};

/** Reads the body up to `maxBytes`, destroying the connection as soon as it goes over. */
function readBounded(response: IncomingMessage, maxBytes: number, url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(response.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      response.destroy();
      reject(new PeerRequestRefused('too-large', `${url} answered ${declared} bytes, over ${maxBytes}`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > maxBytes) {
        response.destroy();
        reject(new PeerRequestRefused('too-large', `${url} answered more than ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    response.on('end', () => resolve(Buffer.concat(chunks)));
    response.on('error', reject);
    // A peer that hangs up mid-answer: not an answer (settling again after 'end' changes nothing).
    response.on('close', () => {
      if (!response.complete) reject(new Error(`${url} closed the connection mid-answer`));
    });
  });
}

/**
 * The one way this node calls a peer (signed deliveries, attachment and outcome-document
 * fetches, city statistics): no redirect is followed (a 3xx is refused — a peer must not send
 * this node elsewhere), the target's resolved address must be public unless allowed, the answer
 * is read up to a byte bound, and connecting and the whole exchange have time limits. Answers a
 * `Response` whose body is already in memory.
 */
export function peerRequest(input: PeerRequestInput): Promise<Response> {
  const url = new URL(input.url);
  const maxBytes = input.maxBytes ?? MAX_PEER_RESPONSE_BYTES;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const options: RequestOptions = {
    method: input.method,
    headers:
      input.body === undefined
        ? input.headers
        : { ...input.headers, 'content-length': String(Buffer.byteLength(input.body)) },
    ...(input.allowPrivateNetwork ? {} : { lookup: publicOnlyLookup }),
    // A fresh connection per request: a pooled socket would skip the address check.
    agent: false,
  };
  // An IP literal is connected to without any lookup: checked here instead.
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (!input.allowPrivateNetwork && isIP(literal) !== 0 && isPrivateAddress(literal)) {
    return Promise.reject(
      new PeerRequestRefused('private-address', `${literal} is not a public address (${notAllowedHint})`),
    );
  }
  return new Promise((settleOk, settleError) => {
    // The time limit holds until the answer is settled, however the connection ends.
    const resolve = (response: Response) => {
      clearTimeout(total);
      settleOk(response);
    };
    const reject = (error: unknown) => {
      clearTimeout(total);
      settleError(error);
    };
    const req = send(url, options, (response) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        response.destroy();
        reject(
          new PeerRequestRefused(
            'redirect',
            `${input.url} answered ${status} to ${response.headers.location ?? '(no location)'}: peers are not followed elsewhere`,
          ),
        );
        return;
      }
      readBounded(response, maxBytes, input.url).then((body) => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          if (value === undefined) continue;
          for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
        }
        // The statuses a Response may not carry a body with.
        const bodiless = status === 204 || status === 205 || status === 304;
        resolve(new Response(bodiless ? null : new Uint8Array(body), { status, headers }));
      }, reject);
    });
    const fail = (error: Error) => {
      req.destroy(error);
      reject(error);
    };
    const total = setTimeout(
      () =>
        fail(
          new PeerRequestRefused('timeout', `${input.url} did not answer in ${input.timeoutMs ?? 30_000} ms`),
        ),
      input.timeoutMs ?? 30_000,
    );
    req.on('socket', (socket) => {
      if (!socket.connecting) return;
      const connect = setTimeout(
        () =>
          fail(
            new PeerRequestRefused(
              'timeout',
              `${input.url}: no connection in ${input.connectTimeoutMs ?? 10_000} ms`,
            ),
          ),
        input.connectTimeoutMs ?? 10_000,
      );
      socket.once('connect', () => clearTimeout(connect));
      socket.once('close', () => clearTimeout(connect));
    });
    req.on('error', reject);
    req.end(input.body);
  });
}
