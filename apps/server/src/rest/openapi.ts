import { ZTenantSlug } from '@linju/core';
import { federationOpenApi, jsonSchema } from '../federation/openapi-federation.ts';

/** The REST surface for partners' systems, which cannot speak tRPC (ARCHITECTURE.md). */
export function openApiDocument(serverUrl: string) {
  // The referral exchange's signed endpoints (spec/referral-exchange.md), at the origin's root.
  const federation = federationOpenApi(serverUrl);
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
      '/health': {
        get: {
          operationId: 'getHealth',
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
      '/catalogue/hsds': {
        get: {
          operationId: 'getCatalogueHsds',
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
      ...federation.paths,
    },
    components: {
      securitySchemes: federation.securitySchemes,
      schemas: {
        ...federation.schemas,
        Health: {
          type: 'object',
          required: ['status', 'database', 'temporal'],
          properties: {
            status: { type: 'string', enum: ['ok', 'degraded'] },
            database: { type: 'boolean' },
            temporal: { type: 'boolean' },
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
