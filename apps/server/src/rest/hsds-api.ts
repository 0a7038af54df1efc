import type { HsdsCatalogue } from '@linju/core';
import type { Database } from '@linju/db';
import { matchPath } from 'react-router';
import { cacheableJson } from './cacheable-json.ts';
import { districtCatalogue } from './district-catalogue.ts';
import { HsdsQueryError, hsdsPage } from './hsds-page.ts';
import { problem } from './problem.ts';

/** Where a district's HSDS API lives: `/api/v1/hsds/<tenant>/services` and its siblings. */
export const HSDS_API_PREFIX = '/api/v1/hsds/';

/** The HSDS API's lists (its openapi.json), each also served one object at a time under `/{id}`. */
const LISTS = [
  'services',
  'organizations',
  'locations',
  'service_at_locations',
  'taxonomies',
  'taxonomy_terms',
] as const;
type List = (typeof LISTS)[number];
const isList = (name: string): name is List => (LISTS as readonly string[]).includes(name);

/** The HSDS API's routes, as patterns (metrics label requests with them, never with ids). */
export const HSDS_API_ROUTES = [
  `${HSDS_API_PREFIX}:tenant`,
  ...LISTS.flatMap((list) => [`${HSDS_API_PREFIX}:tenant/${list}`, `${HSDS_API_PREFIX}:tenant/${list}/:id`]),
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Service = HsdsCatalogue['services'][number];
type ServiceAtLocation = HsdsCatalogue['service_at_locations'][number];

/** What `search` matches: the names and description, as a resident would type them. */
const mentions = (
  text: string | null,
  item: { name: string; alternate_name?: string; description?: string },
) =>
  !text ||
  [item.name, item.alternate_name, item.description].some((field) =>
    field?.toLowerCase().includes(text.toLowerCase()),
  );

/** The HSDS filters Linju serves on services: search, organization_id, taxonomy_term_id, taxonomy_id. */
function serviceFilter(catalogue: HsdsCatalogue, params: URLSearchParams) {
  const organizationId = params.get('organization_id');
  const termId = params.get('taxonomy_term_id');
  const taxonomyId = params.get('taxonomy_id');
  const termIds = new Set(
    catalogue.taxonomy_terms.filter((t) => !taxonomyId || t.taxonomy_id === taxonomyId).map((t) => t.id),
  );
  return (service: Service) =>
    mentions(params.get('search'), service) &&
    (!organizationId || service.organization_id === organizationId) &&
    (!termId || service.attributes.some((a) => a.taxonomy_term_id === termId)) &&
    service.attributes.some((a) => termIds.has(a.taxonomy_term_id));
}

/** The objects a list holds, as HSDS lists them (its `*_list` shapes: the object, its own children). */
function listOf(catalogue: HsdsCatalogue, list: List, params: URLSearchParams): readonly object[] {
  const search = params.get('search');
  switch (list) {
    case 'services':
      return catalogue.services.filter(serviceFilter(catalogue, params));
    case 'organizations':
      return [catalogue.organization].filter((o) => mentions(search, o));
    case 'locations':
      return catalogue.locations.filter((l) => mentions(search, l));
    case 'service_at_locations': {
      const served = new Set(catalogue.services.filter(serviceFilter(catalogue, params)).map((s) => s.id));
      return catalogue.service_at_locations.filter((sal) => served.has(sal.service_id));
    }
    case 'taxonomies':
      return catalogue.taxonomies.filter((t) => mentions(search, t));
    case 'taxonomy_terms': {
      const taxonomyId = params.get('taxonomy_id');
      return catalogue.taxonomy_terms.filter(
        (t) => mentions(search, t) && (!taxonomyId || t.taxonomy_id === taxonomyId),
      );
    }
  }
}

/** One object, fully nested as the HSDS API's `/{list}/{id}` answers it. */
function objectOf(catalogue: HsdsCatalogue, list: List, id: string): object | undefined {
  const locationAt = (sal: ServiceAtLocation) => ({
    ...sal,
    location: catalogue.locations.find((l) => l.id === sal.location_id),
  });
  switch (list) {
    case 'services': {
      const service = catalogue.services.find((s) => s.id === id);
      return (
        service && {
          ...service,
          organization: catalogue.organization,
          service_at_locations: catalogue.service_at_locations
            .filter((sal) => sal.service_id === id)
            .map(locationAt),
          attributes: service.attributes.map((a) => ({
            ...a,
            taxonomy_term: catalogue.taxonomy_terms.find((t) => t.id === a.taxonomy_term_id),
          })),
        }
      );
    }
    case 'organizations':
      return catalogue.organization.id === id
        ? { ...catalogue.organization, locations: catalogue.locations }
        : undefined;
    case 'locations':
      return catalogue.locations.find((l) => l.id === id);
    case 'service_at_locations': {
      const sal = catalogue.service_at_locations.find((s) => s.id === id);
      return sal && locationAt(sal);
    }
    case 'taxonomies':
      return catalogue.taxonomies.find((t) => t.id === id);
    case 'taxonomy_terms': {
      const term = catalogue.taxonomy_terms.find((t) => t.id === id);
      return (
        term && { ...term, taxonomy_detail: catalogue.taxonomies.find((t) => t.id === term.taxonomy_id) }
      );
    }
  }
}

/** Whether a path is one of the HSDS API's routes (which only read: GET and HEAD). */
export const isHsdsApiRoute = (path: string) => HSDS_API_ROUTES.some((pattern) => matchPath(pattern, path));

/**
 * `GET /api/v1/hsds/<tenant>/…`: a district's public catalogue as the Open Referral HSDS 3.0 API
 * (its openapi.json): paged lists and fully nested objects, public and cacheable. No sign-in: it
 * holds only what a district publishes anyway.
 */
export async function hsdsApiResponse(db: Database, request: Request, openApiUrl: string): Promise<Response> {
  const url = new URL(request.url);
  const [tenant = '', listName, id, ...rest] = url.pathname.slice(HSDS_API_PREFIX.length).split('/');
  const list = listName === undefined ? undefined : isList(listName) ? listName : null;
  if (rest.length > 0 || list === null) {
    return problem(404, 'Not found', `No route ${url.pathname}`);
  }
  if (id !== undefined && !UUID.test(id)) return problem(400, 'Bad request', 'id: an HSDS id is a UUID');
  const catalogue = await districtCatalogue(db, tenant);
  if (catalogue instanceof Response) return catalogue;
  if (list === undefined) return cacheableJson(request, { version: '3.0', openapi_url: openApiUrl });
  if (id !== undefined) {
    const object = objectOf(catalogue, list, id);
    return object ? cacheableJson(request, object) : problem(404, 'Not found', `No ${list} ${id}`);
  }
  try {
    return cacheableJson(request, hsdsPage(listOf(catalogue, list, url.searchParams), url.searchParams));
  } catch (error) {
    if (error instanceof HsdsQueryError) return problem(400, 'Bad request', error.message);
    throw error;
  }
}
