import type { ServerBuild } from 'react-router';
import { describe, expect, it } from 'vitest';
import { routeTemplates } from './admin-app.ts';

/** A manifest shaped like the admin build's: a tenant's layout with case pages beneath it. */
const route = (id: string, parentId: string | undefined, path?: string, index?: boolean) => ({
  id,
  parentId,
  path,
  index,
  caseSensitive: undefined,
  module: {},
});
const routes = Object.fromEntries(
  [
    route('root', undefined, ''),
    route('tenant', 'root', 't/:tenant'),
    route('cases', 'tenant', 'cases'),
    route('case-new', 'cases', 'new'),
    route('case', 'cases', ':id'),
    route('case-print', 'case', 'print'),
    route('home', 'tenant', undefined, true),
  ].map((r) => [r.id, r]),
) as unknown as ServerBuild['routes'];

describe('the route template metrics label an admin request with', () => {
  const templateOf = routeTemplates(routes);
  const first = '/t/jingan/cases/0f8fad5b-d9cb-469f-a165-70867728950e';
  const second = '/t/jingan/cases/7c9e6679-7425-40de-944b-e07fc1f90ae7';

  it('is the matched route’s pattern, the same for every case', () => {
    expect(templateOf(first)).toBe('/t/:tenant/cases/:id');
    expect(templateOf(second)).toBe('/t/:tenant/cases/:id');
    expect(templateOf(`${second}/print`)).toBe('/t/:tenant/cases/:id/print');
  });

  it('tells a static segment from an id, and is none for a path no route takes', () => {
    expect(templateOf('/t/jingan/cases/new')).toBe('/t/:tenant/cases/new');
    expect(templateOf('/t/other/cases/new')).toBe('/t/:tenant/cases/new');
    expect(templateOf('/wp-login.php')).toBeNull();
    expect(templateOf('/wp-login.php')).toBeNull();
  });
});
