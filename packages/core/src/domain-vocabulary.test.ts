import { schema } from '@linju/db';
import { NETWORK_ORGANISATION_KINDS, PARTNER_ORGANISATION_KINDS, ROLE_IDS } from '@linju/i18n';
import { describe, expect, it } from 'vitest';

/**
 * The admin app names roles and organisation kinds from @linju/i18n, which the browser bundle can
 * import without the database layer; these lists must stay the database's, one name per thing.
 */
describe('the vocabulary shown to people is the database’s', () => {
  it('has the same roles', () => expect([...ROLE_IDS]).toEqual([...schema.ROLES]));
  it('has the same organisation kinds', () => {
    expect([...NETWORK_ORGANISATION_KINDS]).toEqual([...schema.SERVICE_ORGANISATION_KINDS]);
    expect([...PARTNER_ORGANISATION_KINDS]).toEqual([...schema.PARTNER_ORGANISATION_KINDS]);
  });
});
