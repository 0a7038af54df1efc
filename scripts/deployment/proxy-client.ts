import { Agent, request } from 'node:http';

export type Answer = { status: number; body: string };

/** What a tRPC call answered: its data, or the error's message key (e.g. `auth.throttled`) and status. */
export type TrpcOutcome<T> = { ok: true; data: T } | { ok: false; status: number; error: string };

/**
 * A browser-like client of one district behind the proxy: it connects to nginx on 127.0.0.1 from
 * its own loopback address (Linux routes all of 127/8 to lo, so nginx sees a distinct client), names
 * the district's host in `Host` (no DNS needed) and keeps its session cookie.
 */
export class ProxyClient {
  private session: string | undefined;
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });
  private readonly proxyPort: number;
  readonly host: string;
  readonly from: string;

  constructor(proxyPort: number, host: string, from: string) {
    this.proxyPort = proxyPort;
    this.host = host;
    this.from = from;
  }

  send(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: this.proxyPort,
          path,
          method,
          agent: this.agent,
          localAddress: this.from,
          headers: {
            host: this.host,
            ...(this.session ? { cookie: `linju_session=${this.session}` } : {}),
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body === undefined ? undefined : JSON.stringify(body));
    });
  }

  /** A tRPC mutation (POST) or query (GET, input in the query string: ids only, never personal data). */
  async trpc<T>(kind: 'mutation' | 'query', procedure: string, input: unknown): Promise<TrpcOutcome<T>> {
    const answer =
      kind === 'mutation'
        ? await this.send('POST', `/trpc/${procedure}`, input)
        : await this.send('GET', `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`);
    let parsed: { result?: { data: T }; error?: { message: string } } | undefined;
    try {
      parsed = JSON.parse(answer.body);
    } catch {
      parsed = undefined;
    }
    if (answer.status >= 200 && answer.status < 300 && parsed?.result)
      return { ok: true, data: parsed.result.data };
    return {
      ok: false,
      status: answer.status,
      error: parsed?.error?.message ?? `HTTP ${answer.status} ${answer.body.slice(0, 80)}`,
    };
  }

  /** Signs in (`auth.login`); keeps the session when the answer is one past every step. */
  async signIn(tenantSlug: string, username: string, password: string) {
    const outcome = await this.trpc<{ next: string; sessionToken: string }>('mutation', 'auth.login', {
      tenantSlug,
      username,
      password,
    });
    if (outcome.ok) this.session = outcome.data.sessionToken;
    return outcome;
  }

  /** The same browser (its session cookie) asking under another host name. */
  onHost(host: string): ProxyClient {
    const other = new ProxyClient(this.proxyPort, host, this.from);
    other.session = this.session;
    return other;
  }

  close() {
    this.agent.destroy();
  }
}
