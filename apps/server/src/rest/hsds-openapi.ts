import { ZTenantSlug } from '@linju/core';
import { jsonSchema } from '../federation/openapi-federation.ts';
import { HSDS_PAGE } from './hsds-page.ts';

/** The HSDS objects the API serves: its list, the object's schema name, what HSDS requires of it. */
const OBJECTS = [
  { list: 'services', schema: 'HsdsService', object: 'service', required: ['id', 'name', 'status'] },
  {
    list: 'organizations',
    schema: 'HsdsOrganization',
    object: 'organization',
    required: ['id', 'name', 'description'],
  },
  { list: 'locations', schema: 'HsdsLocation', object: 'location', required: ['id', 'location_type'] },
  {
    list: 'service_at_locations',
    schema: 'HsdsServiceAtLocation',
    object: 'service_at_location',
    required: ['id'],
  },
  { list: 'taxonomies', schema: 'HsdsTaxonomy', object: 'taxonomy', required: ['id', 'name', 'description'] },
  {
    list: 'taxonomy_terms',
    schema: 'HsdsTaxonomyTerm',
    object: 'taxonomy_term',
    required: ['id', 'name', 'description'],
  },
] as const;

/** What HSDS says of the properties it requires (the rest: the official schema, linked). */
const HSDS_PROPERTIES = {
  id: { type: 'string', format: 'uuid' },
  name: { type: 'string' },
  description: { type: 'string' },
  status: { type: 'string', enum: ['active', 'inactive', 'defunct', 'temporarily closed'] },
  location_type: { type: 'string', enum: ['physical', 'postal', 'virtual'] },
} as const;
const SPECIFICATION = 'https://github.com/openreferral/specification/blob/3.0/schema';
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});
const cacheHeaders = {
  ETag: { description: 'The answer’s hash: send it back in If-None-Match', schema: { type: 'string' } },
  'Cache-Control': { description: '`public, max-age=300`', schema: { type: 'string' } },
};
const json = (description: string, schema: object) => ({
  description,
  headers: cacheHeaders,
  content: { 'application/json': { schema } },
});
const notModified = { description: 'Unchanged since the ETag sent in If-None-Match', headers: cacheHeaders };
const tenant = {
  name: 'tenant',
  in: 'path',
  required: true,
  description: "The district's slug",
  schema: jsonSchema(ZTenantSlug),
};
const query = (name: string, description: string, schema: object) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});
const paging = [
  query('page', 'Page number, from 1; past the last page the contents are empty', {
    type: 'integer',
    minimum: 1,
    maximum: 999_999,
  }),
  query('per_page', `Objects per page (default ${HSDS_PAGE.defaultSize})`, {
    type: 'integer',
    minimum: 1,
    maximum: HSDS_PAGE.maxSize,
  }),
  query('search', 'Only objects whose name or description contains this text', { type: 'string' }),
];
const serviceFilters = [
  query('organization_id', 'Only services of this organization', { type: 'string' }),
  query('taxonomy_term_id', 'Only services classified with this taxonomy term', { type: 'string' }),
  query('taxonomy_id', 'Only services classified with a term of this taxonomy', { type: 'string' }),
];

/**
 * The HSDS 3.0 API of every district (hsds-api.ts) in Linju's OpenAPI document: the paths of the
 * HSDS `openapi.json` under `/hsds/{tenant}`, with Linju's `/locations`. The objects' schemas here
 * say what HSDS requires and link the official schema, which the integration test validates
 * every live object against (hsds-api.integration.test.ts).
 */
export function hsdsOpenApi() {
  const paths: Record<string, object> = {
    '/hsds/{tenant}': {
      get: {
        operationId: 'getHsdsApi',
        security: [],
        tags: ['HSDS'],
        summary: "The district's HSDS API: its version and the document that defines it",
        parameters: [tenant],
        responses: {
          '200': json('The HSDS version served', { $ref: '#/components/schemas/HsdsApiInfo' }),
          '304': notModified,
          '400': problem('Not a district slug'),
          '404': problem('No such district'),
        },
      },
    },
  };
  for (const { list, schema } of OBJECTS) {
    const name = list.replace(/(^|_)(\w)/g, (_, _u, c: string) => c.toUpperCase());
    paths[`/hsds/{tenant}/${list}`] = {
      get: {
        operationId: `listHsds${name}`,
        security: [],
        tags: ['HSDS'],
        summary: `One page of the district's ${list.replaceAll('_', ' ')} (HSDS 3.0)`,
        parameters: [
          tenant,
          ...paging,
          ...(list === 'services' || list === 'service_at_locations' ? serviceFilters : []),
          ...(list === 'taxonomy_terms'
            ? [query('taxonomy_id', 'Only terms of this taxonomy', { type: 'string' })]
            : []),
        ],
        responses: {
          '200': json('A page, as the HSDS API pages', {
            allOf: [
              { $ref: '#/components/schemas/HsdsPage' },
              {
                type: 'object',
                properties: {
                  contents: { type: 'array', items: { $ref: `#/components/schemas/${schema}` } },
                },
              },
            ],
          }),
          '304': notModified,
          '400': problem('Not a district slug, or a page parameter out of range (the detail names it)'),
          '404': problem('No such district'),
        },
      },
    };
    paths[`/hsds/{tenant}/${list}/{id}`] = {
      get: {
        operationId: `getHsds${name.replace(/ies$/, 'y').replace(/s$/, '')}`,
        security: [],
        tags: ['HSDS'],
        summary: `One of the district's ${list.replaceAll('_', ' ')}, with its nested objects (HSDS 3.0)`,
        parameters: [
          tenant,
          {
            name: 'id',
            in: 'path',
            required: true,
            description: 'The HSDS id (a UUID)',
            schema: {
              type: 'string',
              pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
            },
          },
        ],
        responses: {
          '200': json('The object', { $ref: `#/components/schemas/${schema}` }),
          '304': notModified,
          '400': problem('Not a district slug, or an id that is not a UUID'),
          '404': problem('No such district, or no such object in it'),
        },
      },
    };
  }

  const schemas: Record<string, object> = {
    HsdsApiInfo: {
      type: 'object',
      required: ['version', 'openapi_url'],
      properties: {
        version: { type: 'string', description: 'The HSDS version: 3.0' },
        openapi_url: { type: 'string', format: 'uri', description: 'This document' },
      },
    },
    HsdsPage: {
      type: 'object',
      description: 'A page of an HSDS list (the HSDS openapi.json `Page`)',
      required: [
        'total_items',
        'total_pages',
        'page_number',
        'size',
        'first_page',
        'last_page',
        'empty',
        'contents',
      ],
      properties: {
        total_items: { type: 'integer', description: 'Objects in the whole list' },
        total_pages: { type: 'integer', description: 'Pages of the whole list (at least 1)' },
        page_number: { type: 'integer', description: 'This page, from 1' },
        size: { type: 'integer', description: 'Objects on this page' },
        first_page: { type: 'boolean' },
        last_page: { type: 'boolean' },
        empty: { type: 'boolean', description: 'This page holds no object' },
        contents: { type: 'array', items: { type: 'object' } },
      },
    },
  };
  for (const { schema, object, required } of OBJECTS) {
    schemas[schema] = {
      type: 'object',
      description: `An HSDS 3.0 ${object}; every property as the official schema defines it`,
      externalDocs: { description: `The official ${object}.json`, url: `${SPECIFICATION}/${object}.json` },
      required,
      properties: Object.fromEntries(required.map((property) => [property, HSDS_PROPERTIES[property]])),
    };
  }
  return { paths, schemas };
}
