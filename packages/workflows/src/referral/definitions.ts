import type { ReferralEvent } from '@linju/federation/referral-states';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ReferralNote, ReferralSnapshot } from './referral-types.ts';

/** The workflow type name, for clients that start a referral by name. */
export const REFERRAL_WORKFLOW_TYPE = 'referralWorkflow';

/**
 * Applies one event. An Update rather than a Signal: its validator refuses an invalid move before
 * anything is written to history, and the caller gets that refusal (naming the current state) or
 * the new snapshot back, once the event is in the audit log.
 */
export const transitionUpdate = defineUpdate<ReferralSnapshot, [ReferralEvent]>('referral.transition');

/**
 * Records a note to the other side (spec: `note`, either side). Not a transition: the state stays,
 * and a final state refuses it (`INVALID_TRANSITION_FAILURE`, code `invalid-transition`).
 */
export const noteUpdate = defineUpdate<ReferralSnapshot, [ReferralNote]>('referral.note');

/** The referral's current state, history and escalations. */
export const stateQuery = defineQuery<ReferralSnapshot>('referral.state');

/** The failure type an invalid transition is refused with; its details carry the error object. */
export const INVALID_TRANSITION_FAILURE = 'InvalidReferralTransition';
