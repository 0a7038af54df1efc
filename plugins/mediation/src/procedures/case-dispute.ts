import type { CaseInHand } from '@linju/plugin-sdk';
import { disputeOf } from '../dispute.ts';
import type { MediationDispute } from '../intake-form.ts';

/** The dispute of the case in hand: from its mediation form, else from the parties the case records. */
export const caseDispute = (c: CaseInHand): Promise<MediationDispute> => disputeOf(c, () => c.parties());

/** The names of the parties who must confirm the agreement. */
export const partyNames = async (c: CaseInHand): Promise<string[]> =>
  (await caseDispute(c)).parties.map((p) => p.name);
