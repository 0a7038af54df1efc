import { ZTenantSlug } from '@linju/core';
import { federationOpenApi, jsonSchema } from '../federation/openapi-federation.ts';
import { hsdsOpenApi } from './hsds-openapi.ts';
import { litigationFeeOpenApi } from './litigation-fee-openapi.ts';
import { statutesOpenApi } from './statutes-openapi.ts';

/** The REST surface for partners' systems, which cannot speak tRPC (ARCHITECTURE.md). */
export function openApiDocument(serverUrl: string) {
  // The referral exchange's signed endpoints (spec/referral-exchange.md), at the origin's root.
  const federation = federationOpenApi(serverUrl);
  const hsds = hsdsOpenApi();
  const statutes = statutesOpenApi();
  const litigationFee = litigationFeeOpenApi();
  return {
    openapi: '3.1.0',
    info: {
      title: 'Linju partner API',
      version: '1.0.0',
      description:
        'REST interface of a Linju deployment for partner systems (courts, federations, other districts).',
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    paths: {
      '/openapi.json': {
        get: {
          operationId: 'getOpenApiDocument',
          security: [],
          summary: 'This document',
          responses: {
            '200': {
              description: 'The OpenAPI 3.1 document of the REST, HSDS and exchange endpoints',
              content: {
                'application/json': {
                  schema: { type: 'object', required: ['openapi', 'info', 'paths', 'components'] },
                },
              },
            },
          },
        },
      },
      '/docs': {
        get: {
          operationId: 'getApiDocs',
          security: [],
          summary: 'This document as a page for people, in Chinese or English',
          parameters: [
            {
              name: 'lang',
              in: 'query',
              required: false,
              description: 'The page’s language; without it, Accept-Language decides (zh-CN by default)',
              schema: { type: 'string', enum: ['zh-CN', 'en'] },
            },
          ],
          responses: {
            '200': {
              description: 'Every operation with its parameters and answers, and every schema',
              content: { 'text/html': { schema: { type: 'string' } } },
            },
            '400': {
              description: 'A language the page is not written in',
              content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
            },
          },
        },
      },
      '/health': {
        get: {
          operationId: 'getHealth',
          security: [],
          summary: 'Whether the deployment and what it stands on are up',
          responses: {
            '200': {
              description: 'Everything is reachable',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } },
            },
            '503': {
              description: 'Something the deployment needs is down',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } },
            },
          },
        },
      },
      '/health/live': {
        get: {
          operationId: 'getHealthLive',
          security: [],
          summary: 'Liveness: the process answers (a probe restarts it otherwise)',
          responses: {
            '200': {
              description: 'The process is up',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Liveness' } } },
            },
          },
        },
      },
      '/health/ready': {
        get: {
          operationId: 'getHealthReady',
          security: [],
          summary:
            'Readiness: PostgreSQL answers. Temporal down keeps the server ready: referrals queue until it is back',
          responses: {
            '200': {
              description: 'Ready for traffic',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Readiness' } } },
            },
            '503': {
              description: 'PostgreSQL is unreachable: take this instance out of the load balancer',
              headers: { 'Retry-After': { schema: { type: 'integer' } } },
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Readiness' } } },
            },
          },
        },
      },
      '/catalogue/hsds': {
        get: {
          operationId: 'getCatalogueHsds',
          security: [],
          summary: "A district's public service catalogue as Open Referral HSDS 3.0 JSON",
          parameters: [
            {
              name: 'tenant',
              in: 'query',
              required: true,
              description: "The district's slug",
              schema: jsonSchema(ZTenantSlug),
            },
          ],
          responses: {
            '200': {
              description: 'organizations, services, locations and service_at_locations',
              content: { 'application/json': { schema: { type: 'object' } } },
            },
            '400': {
              description: 'No district named, or not a slug',
              content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
            },
            '404': {
              description: 'No such district',
              content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
            },
          },
        },
      },
      ...hsds.paths,
      ...statutes.paths,
      ...litigationFee.paths,
      ...federation.paths,
    },
    components: {
      securitySchemes: federation.securitySchemes,
      schemas: {
        ...federation.schemas,
        ...hsds.schemas,
        ...statutes.schemas,
        ...litigationFee.schemas,
        Health: {
          type: 'object',
          required: ['status', 'database', 'temporal'],
          properties: {
            status: { type: 'string', enum: ['ok', 'degraded'] },
            database: { type: 'boolean' },
            temporal: { type: 'boolean' },
          },
        },
        Liveness: {
          type: 'object',
          required: ['status'],
          properties: { status: { type: 'string', enum: ['live'] } },
        },
        Readiness: {
          type: 'object',
          required: ['status', 'database', 'temporal', 'referrals'],
          properties: {
            status: { type: 'string', enum: ['ready', 'not-ready'] },
            database: { type: 'string', enum: ['up', 'down'] },
            temporal: { type: 'string', enum: ['up', 'down'] },
            referrals: {
              type: 'string',
              enum: ['flowing', 'queued'],
              description: 'queued: Temporal is down; new referrals are kept and start when it is back',
            },
          },
        },
        Problem: {
          type: 'object',
          description: 'RFC 9457 problem details',
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
          },
        },
      },
    },
  } as const;
}
