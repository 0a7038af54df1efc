import type { IncomingMessage, ServerResponse } from 'node:http';
import { isUploadPath } from '@linju/admin/upload-routes';
import { type ApiContext, appRouter, checkBatch, createCaller, type Logger } from '@linju/api';
import {
  clearResidentCookie,
  clearSessionCookie,
  RESIDENT_COOKIE,
  readCookie,
  SESSION_COOKIE,
  type SecretBox,
  serializeResidentCookie,
  serializeSessionCookie,
} from '@linju/auth';
import type { DocumentStore, PeerFetcher } from '@linju/core';
import type { Database } from '@linju/db';
import { DEFAULT_LOCALE, localeFromCookie } from '@linju/i18n';
import { type MetricsAccess, metricsResponse } from '@linju/metrics';
import type { WorkflowEngine } from '@linju/workflows';
import type { Span } from '@opentelemetry/api';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { ServerConfig } from '../config.ts';
import type { ServerMetrics } from '../metrics/server-metrics.ts';
import { apiDocsResponse } from '../rest/api-docs-page.ts';
import { livenessResponse, readinessResponse } from '../rest/health.ts';
import { hsdsResponse } from '../rest/hsds.ts';
import { HSDS_API_PREFIX, hsdsApiResponse, isHsdsApiRoute } from '../rest/hsds-api.ts';
import { LITIGATION_FEE_PATH, litigationFeeResponse } from '../rest/litigation-fee-api.ts';
import { openApiDocument } from '../rest/openapi.ts';
import { methodNotAllowed, problem } from '../rest/problem.ts';
import { isStatutesApiRoute, statutesApiResponse } from '../rest/statutes-api.ts';
import type { AdminApp } from './admin-app.ts';
import { BodyTooLarge, countedBody, discardRest, MAX_BODY_BYTES, readBoundedBody } from './bounded-body.ts';
import { busyResponse } from './busy-response.ts';
import { CLIENT_IP_HEADER, type ClientAddress, clientAddress, fromTrustedProxy } from './client-address.ts';
import { CSRF_COOKIE, csrfCookie, csrfRejection, newCsrfToken } from './csrf.ts';
import { HTTP_DEADLINES } from './deadlines.ts';
import { loggedPath } from './logged-path.ts';
import { sendFetchResponse, toFetchRequest, UnservableRequest } from './node-fetch.ts';
import { localeOf, refusalResponse } from './refusal.ts';
import { requestIdFrom } from './request-id.ts';
import { nameRequestSpan, withRequestSpan } from './request-span.ts';
import { routeTemplate } from './route-template.ts';
import { newCspNonce, securityHeaders } from './security-headers.ts';
import { staticFile } from './static-files.ts';
import { tenantSlugHint, withTenantPrefix } from './tenant-hint.ts';
import { createTenantHosts } from './tenant-hosts.ts';

export type ServerDeps = {
  config: ServerConfig;
  db: Database;
  box: SecretBox;
  log: Logger & { child(bindings: object): Logger };
  temporalHealthy: () => Promise<boolean>;
  /** The API's Temporal client (referrals); absent, referral procedures refuse clearly. */
  temporal?: WorkflowEngine;
  /** Where case documents live. */
  files: DocumentStore;
  /** Signed GETs to peers of the referral exchange (attachments of incoming referrals). */
  fetchFromPeer?: PeerFetcher;
  /** The operator's language model behind its citation gate (`LINJU_ASSISTANT_MODEL_URL`); absent, none. */
  languageModel?: ApiContext['languageModel'];
  admin: AdminApp | null;
  /**
   * Extra route prefixes mounted by other modules (`/.well-known`, `/federation/v1`), each with its
   * own body limit where it is smaller than the server's.
   */
  routes?: { prefix: string; handle: (request: Request) => Promise<Response>; maxBodyBytes?: number }[];
  /** How long an answer may take to start before the client gets 503 (tests shorten it). */
  answerDeadlineMs?: number;
  /** Request and procedure latency, served at `/metrics` to whom `access` lets in; absent, `/metrics` is 404. */
  metrics?: { server: ServerMetrics; access: MetricsAccess };
};

/**
 * What the listener learns of a request before routing it: its log (tenant bound once known), its CSP
 * nonce, the district its host belongs to (for the metrics' route label).
 */
type RequestScope = { log: Logger; cspNonce: string; hostTenant?: string | null };

const REST_READ_ROUTES = new Set([
  '/metrics',
  '/api/v1/openapi.json',
  '/api/v1/docs',
  '/api/v1/health',
  '/api/v1/health/live',
  '/api/v1/health/ready',
  '/api/v1/catalogue/hsds',
  LITIGATION_FEE_PATH,
]);

/** One HTTP origin: /trpc, /api/v1, /federation/v1, /.well-known, the admin app and its assets. */
export function createRequestListener(deps: ServerDeps) {
  const { config, log } = deps;
  const tenantHosts = createTenantHosts({
    db: deps.db,
    suffix: config.tenantHostSuffix,
    publicUrl: config.publicUrl,
  });

  function apiContext(
    request: Request,
    requestId: string,
    tenantHint: string | null,
    reqLog: Logger,
  ): ApiContext {
    return {
      db: deps.db,
      box: deps.box,
      requestId,
      ip: request.headers.get(CLIENT_IP_HEADER) ?? 'unknown',
      log: reqLog,
      sessionToken: readCookie(request.headers.get('cookie'), SESSION_COOKIE),
      residentToken: readCookie(request.headers.get('cookie'), RESIDENT_COOKIE),
      tenantSlugHint: tenantHint,
      temporalHealthy: deps.temporalHealthy,
      totpIssuer: 'Linju',
      files: deps.files,
      ...(deps.temporal ? { temporal: deps.temporal } : {}),
      ...(deps.fetchFromPeer ? { fetchFromPeer: deps.fetchFromPeer } : {}),
      ...(deps.languageModel ? { languageModel: deps.languageModel } : {}),
      ...(deps.metrics ? { observeProcedure: deps.metrics.server.observeProcedure } : {}),
    };
  }

  const mountedAt = (path: string) => deps.routes?.find((mounted) => path.startsWith(mounted.prefix));

  /**
   * A form of the admin app posting files: its body streams to the route (the document store)
   * under the upload limit. The APIs keep the small limit: their uploads travel inside JSON.
   */
  const isUploadForm = (req: IncomingMessage, path: string) =>
    req.method === 'POST' &&
    (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data') &&
    isUploadPath(path);

  /**
   * The request as every route reads it: its body already in memory, or refused past the route's
   * limit. The district its host belongs to is learnt here and bound to the request's log lines.
   */
  async function receive(
    req: IncomingMessage,
    client: ClientAddress,
    requestId: string,
    scope: RequestScope,
  ) {
    if (!URL.canParse(req.url ?? '/', 'http://x'))
      throw new UnservableRequest(400, 'The request target is not a valid URL');
    const target = new URL(req.url ?? '/', 'http://x');
    const hostTenant = await tenantHosts.tenantOf(req.headers.host);
    const tenant = tenantSlugHint(target, hostTenant);
    if (tenant) scope.log = log.child({ requestId, tenant });
    const upload = isUploadForm(req, withTenantPrefix(target, hostTenant).pathname);
    const limit = upload
      ? config.uploadBodyBytes
      : (mountedAt(target.pathname)?.maxBodyBytes ?? MAX_BODY_BYTES);
    if (upload && Number(req.headers['content-length'] ?? 0) <= limit) {
      const streamed = countedBody(req, limit);
      scope.hostTenant = hostTenant;
      const at = {
        requestId,
        reqLog: scope.log,
        cspNonce: scope.cspNonce,
        hostTenant,
        peer: req.socket.remoteAddress,
      };
      const request = toFetchRequest(req, config.publicUrl, client.scheme, streamed.body);
      try {
        return await route(request, at);
      } catch (error) {
        if (!(error instanceof BodyTooLarge)) throw error;
        return refusalResponse(request, { kind: 'body-too-large', limit });
      } finally {
        // A refused file is left unread: take the rest, so the client reads the answer rather than a reset.
        if (!streamed.drained()) discardRest(req, limit);
      }
    }
    const body =
      req.method === 'GET' || req.method === 'HEAD'
        ? undefined
        : await readBoundedBody(req, req.headers['content-length'], limit);
    if (body === 'too-large') {
      discardRest(req, limit);
      return refusalResponse(toFetchRequest(req, config.publicUrl, client.scheme), {
        kind: 'body-too-large',
        limit,
      });
    }
    scope.hostTenant = hostTenant;
    return route(toFetchRequest(req, config.publicUrl, client.scheme, body), {
      requestId,
      reqLog: scope.log,
      cspNonce: scope.cspNonce,
      hostTenant,
      // The socket's peer, not a forwarded address: who may read /metrics is decided on it.
      peer: req.socket.remoteAddress,
    });
  }

  async function route(
    request: Request,
    at: {
      requestId: string;
      reqLog: Logger;
      cspNonce: string;
      hostTenant: string | null;
      peer: string | undefined;
    },
  ) {
    const { requestId, reqLog, cspNonce, peer } = at;
    const url = new URL(request.url);
    const path = url.pathname;
    const hint = tenantSlugHint(url, at.hostTenant);
    // Secure cookies when the public URL is HTTPS or a trusted proxy says the browser came over TLS.
    const secure = config.secureCookies || url.protocol === 'https:';

    const mounted = mountedAt(path);
    if (mounted) return mounted.handle(request);

    if (path.startsWith('/trpc/')) {
      const rejected = await csrfRejection(request);
      if (rejected) return refusalResponse(request, { kind: 'csrf', reason: rejected });
      return fetchRequestHandler({
        endpoint: '/trpc',
        req: request,
        router: appRouter,
        createContext: ({ info }) => {
          checkBatch(info);
          return apiContext(request, requestId, hint, reqLog);
        },
        onError: ({ error, path: procedure }) => {
          if (error.code === 'INTERNAL_SERVER_ERROR')
            reqLog.error({ err: error, procedure }, 'procedure failed');
        },
      });
    }

    // The REST surface only reads: its routes answer GET (and HEAD), nothing else.
    if (
      (REST_READ_ROUTES.has(path) || isHsdsApiRoute(path) || isStatutesApiRoute(path)) &&
      request.method !== 'GET' &&
      request.method !== 'HEAD'
    ) {
      return methodNotAllowed(request.method, 'GET, HEAD');
    }
    if (path === '/metrics') {
      if (!deps.metrics) return problem(404, 'Not found', `No route ${path}`);
      const authorization = request.headers.get('authorization');
      return metricsResponse(deps.metrics.server.registry, deps.metrics.access, { authorization, peer });
    }
    if (path === '/api/v1/openapi.json') return Response.json(openApiDocument(config.publicUrl));
    if (path === '/api/v1/docs') return apiDocsResponse(request, config.publicUrl);
    if (path === '/api/v1/health/live') return livenessResponse();
    if (path === '/api/v1/health/ready') {
      return readinessResponse(
        await createCaller(apiContext(request, requestId, null, reqLog)).health.check(),
      );
    }
    if (path === '/api/v1/health') {
      const health = await createCaller(apiContext(request, requestId, null, reqLog)).health.check();
      return Response.json(health, { status: health.status === 'ok' ? 200 : 503 });
    }
    if (path === '/api/v1/catalogue/hsds') {
      return hsdsResponse(request, deps.db, url.searchParams.get('tenant') ?? hint);
    }
    if (path.startsWith(HSDS_API_PREFIX)) {
      return hsdsApiResponse(deps.db, request, `${config.publicUrl}/api/v1/openapi.json`);
    }
    if (isStatutesApiRoute(path)) return statutesApiResponse(deps.db, request);
    if (path === LITIGATION_FEE_PATH) return litigationFeeResponse(request);
    if (path.startsWith('/api/')) return problem(404, 'Not found', `No route ${path}`);

    if (!deps.admin) return problem(503, 'Admin app not built', 'Run `pnpm --filter @linju/admin build`.');
    if (request.method === 'GET' || request.method === 'HEAD') {
      const asset = staticFile(deps.admin.clientDir, path, request.headers.get('accept-encoding'));
      if (asset) return asset;
    }

    const rejected = await csrfRejection(request);
    if (rejected) return refusalResponse(request, { kind: 'csrf', reason: rejected });
    const existingCsrf = readCookie(request.headers.get('cookie'), CSRF_COOKIE);
    const csrfToken = existingCsrf ?? newCsrfToken();
    const adminUrl = withTenantPrefix(url, at.hostTenant);
    const adminRequest = adminUrl === url ? request : new Request(adminUrl, request);
    const response = await deps.admin.handle(adminRequest, {
      caller: createCaller(apiContext(request, requestId, hint, reqLog)),
      submitting: (key) =>
        createCaller({ ...apiContext(request, requestId, hint, reqLog), submission: { key, calls: 0 } }),
      requestId,
      locale: localeOf(request),
      csrfToken,
      cspNonce,
      uploadMaxBytes: config.uploadMaxBytes,
      sessionCookie: {
        serialize: (token, expiresAt) => serializeSessionCookie(token, expiresAt, secure),
        clear: () => clearSessionCookie(secure),
      },
      residentCookie: {
        serialize: (token, expiresAt) => serializeResidentCookie(token, expiresAt, secure),
        clear: () => clearResidentCookie(secure),
      },
    });
    if (!existingCsrf) {
      const headers = new Headers(response.headers);
      headers.append('set-cookie', csrfCookie(csrfToken, secure));
      return new Response(response.body, {
        status: response.status,
        statusText: response.statusText,
        headers,
      });
    }
    return response;
  }

  /**
   * The route's answer, or the busy answer once the deadline passed. A late answer is dropped
   * (its body cancelled); its database work is bounded by the database's own deadlines.
   */
  async function withinDeadline(answer: Promise<Response>, late: () => Response): Promise<Response> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), deps.answerDeadlineMs ?? HTTP_DEADLINES.answerMs);
    });
    try {
      const first = await Promise.race([answer, deadline]);
      if (first) return first;
      answer.then((response) => response.body?.cancel()).catch(() => {});
      return late();
    } finally {
      clearTimeout(timer);
    }
  }

  return (req: IncomingMessage, res: ServerResponse) =>
    withRequestSpan(req, fromTrustedProxy(req.socket.remoteAddress, config.trustedProxies), (span) =>
      serve(req, res, span),
    );

  async function serve(req: IncomingMessage, res: ServerResponse, span: Span) {
    const started = performance.now();
    const requestId = requestIdFrom(req.headers['x-request-id']);
    // The tenant the request names (path or host) joins every line of this request once known.
    const scope: RequestScope = { log: log.child({ requestId }), cspNonce: newCspNonce() };
    const client = clientAddress(req.socket.remoteAddress, req.headers, config.trustedProxies);
    // Replaces whatever a client sent under this name: throttles and routes read this address only.
    req.headers[CLIENT_IP_HEADER] = client.ip;
    res.setHeader('x-request-id', requestId);
    const secure = config.secureCookies || client.scheme === 'https';
    for (const [name, value] of Object.entries(securityHeaders({ nonce: scope.cspNonce, secure })))
      res.setHeader(name, value);
    let status = 500;
    try {
      const response = await withinDeadline(receive(req, client, requestId, scope), () => {
        scope.log.warn({ ms: Math.round(performance.now() - started) }, 'answer deadline passed');
        return busyResponse(loggedPath(req.url), localeFromCookie(req.headers.cookie) ?? DEFAULT_LOCALE);
      });
      status = response.status;
      await sendFetchResponse(res, response);
    } catch (error) {
      if (error instanceof UnservableRequest) {
        status = error.status;
        // 405: the methods this origin serves at all; each route narrows them with its own 405.
        await sendFetchResponse(
          res,
          error.status === 405
            ? methodNotAllowed(req.method ?? '', 'GET, HEAD, POST')
            : problem(400, 'Bad request', error.message),
        );
      } else if (res.destroyed) {
        // The client went away mid-response (a closed tab, a navigation): nobody is left to
        // answer, and writing to the closed socket again would throw out of the server.
        scope.log.info({ err: error }, 'client closed the connection');
      } else {
        scope.log.error({ err: error }, 'request failed');
        if (!res.headersSent)
          await sendFetchResponse(res, problem(500, 'Internal error', `Request ${requestId}`)).catch(() =>
            res.destroy(),
          );
        else res.end();
      }
    } finally {
      const target = (deps.metrics || span.isRecording()) && URL.parse(req.url ?? '/', 'http://x');
      if (target) {
        const route = routeTemplate(withTenantPrefix(target, scope.hostTenant ?? null).pathname, deps.admin);
        deps.metrics?.server.observeRequest(req.method, route, status, (performance.now() - started) / 1000);
        nameRequestSpan(span, req.method, route, status);
      }
      scope.log.info(
        {
          method: req.method,
          path: loggedPath(req.url),
          status,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    }
  }
}
