import { describe, expect, it } from 'vitest';
import { socketFolderFor } from './embedded.ts';
import { unixSocketOf, withUnixSocket } from './postgres-client.ts';

describe('a connection URL naming a Unix socket (libpq’s ?host=/folder)', () => {
  it('gives the socket’s path for the URL’s port and a URL without the setting', () => {
    expect(
      unixSocketOf('postgres://linju_app:pw@localhost:6543/linju?host=/run/postgresql&sslmode=disable'),
    ).toEqual({
      url: 'postgres://linju_app:pw@localhost:6543/linju?sslmode=disable',
      path: '/run/postgresql/.s.PGSQL.6543',
    });
    expect(unixSocketOf('postgres://u:p@localhost/linju?host=%2Fvar%2Frun')?.path).toBe(
      '/var/run/.s.PGSQL.5432',
    );
  });

  it('leaves a TCP URL alone, a host name in the query included', () => {
    expect(unixSocketOf('postgres://u:p@db.internal:5432/linju')).toBeNull();
    expect(unixSocketOf('postgres://u:p@127.0.0.1:5432/linju?host=db.internal')).toBeNull();
  });

  it('is made from a TCP URL and read back', () => {
    const url = withUnixSocket('postgres://postgres:a%2Fb@127.0.0.1:5999/linju', '/data/postgres');
    expect(unixSocketOf(url)).toEqual({
      url: 'postgres://postgres:a%2Fb@127.0.0.1:5999/linju',
      path: '/data/postgres/.s.PGSQL.5999',
    });
  });
});

describe('the embedded PostgreSQL’s socket folder', () => {
  it('is its data folder while the socket’s path fits a socket address, and none past that', () => {
    expect(socketFolderFor('/srv/linju/.data/postgres', 5432)).toBe('/srv/linju/.data/postgres');
    const deep = `/srv/${'a'.repeat(90)}/postgres`;
    expect(socketFolderFor(deep, 5432)).toBeNull();
  });
});
