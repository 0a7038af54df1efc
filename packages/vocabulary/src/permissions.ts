import { ADMIN_ROLES, ROLES, type Role } from './roles.ts';

const MANAGERS: readonly Role[] = ADMIN_ROLES;
/** Everyone of the district's own staff; partner users see only what is addressed to them. */
const EVERY_STAFF_ROLE: readonly Role[] = ROLES.filter((r) => r !== 'partner-user');

/** Everyone who receives and works matters; inspectors and publicity officers only read. */
const CASE_WORKERS: readonly Role[] = [
  ...MANAGERS,
  'desk-officer',
  'lawyer',
  'notary',
  'mediator',
  'legal-aid-officer',
  'appraiser',
  'volunteer',
];

/**
 * The typed registry of what each role may do, as data: the server enforces it (`@linju/auth`), the
 * admin app reads it to show only what a role may use. A grant applies on the organisation it was
 * made on and everything below it in the tree.
 */
export const PERMISSIONS = {
  'tenant.settings.manage': ['bureau-admin'],
  'organisation.read': EVERY_STAFF_ROLE,
  'organisation.manage': MANAGERS,
  'partner.manage': ['bureau-admin', 'centre-director'],
  'staff.read': [...MANAGERS, 'inspector'],
  'staff.manage': MANAGERS,
  'adviser.manage': MANAGERS,
  'audit.read': ['bureau-admin', 'inspector'],
  /** Cases: see the cases of a subtree (besides one's own first-responder and assigned cases). */
  'case.read': EVERY_STAFF_ROLE,
  /** Take a matter in at a unit (首问: the receiver becomes its first responder). */
  'case.intake': CASE_WORKERS,
  /** Work a case at a unit: notes, documents, status, the clock, feedback to the resident. */
  'case.handle': CASE_WORKERS,
  /** Triage, assign, transfer, chain, import hotline exports (研判分流). */
  'case.manage': [...MANAGERS, 'desk-officer'],
  /** The working calendar and the case settings of the district. */
  'case.settings.manage': ['bureau-admin'],
  'catalogue.manage': MANAGERS,
  /** Referrals: send a case's referral from the unit holding it, cancel it, record the consent. */
  'referral.send': CASE_WORKERS,
  /** See the outgoing referrals of a subtree. */
  'referral.read': EVERY_STAFF_ROLE,
  /** A partner's inbox: see and answer the referrals addressed to one's partner organisation. */
  'referral.respond': ['partner-user'],
  /** Statistics of a subtree (or, granted on the centre, of the whole district) and their reports. */
  'statistics.read': [...MANAGERS, 'inspector'],
  /** Which city bureau the district reports its monthly statistics to, and sending a month now; on the centre. */
  'statistics.city.manage': ['bureau-admin'],
  /** The district's inspection checklist (检查组评议): add a version; granted on the centre. */
  'inspection.checklist.manage': ['bureau-admin', 'inspector'],
  /** Record an inspection of a unit and tick off its rectification items. */
  'inspection.record': ['bureau-admin', 'inspector'],
  /** See the inspections of a subtree (a station head those of their own station). */
  'inspection.read': [...MANAGERS, 'inspector'],
  /** Station scorecards: set the weights and publish a quarter's scorecard; granted on the centre. */
  'scorecard.manage': ['bureau-admin'],
  /** Questionnaires of a unit: define, send rounds, close them (问卷调查). */
  'questionnaire.manage': MANAGERS,
  /** See questionnaires of a subtree, their summaries and exports. */
  'questionnaire.read': [...MANAGERS, 'inspector'],
  /** Import third-party assessment results (第三方评估), for the whole district. */
  'assessment.import': ['bureau-admin', 'centre-director', 'inspector'],
  /** See the third-party assessment results of a subtree's service points. */
  'assessment.read': [...MANAGERS, 'inspector'],
  /** See providers' misconduct records and the negative list (those who assign work must). */
  'provider.read': [...MANAGERS, 'desk-officer', 'inspector'],
  /** Record misconduct, list on the negative list, decide appeals; granted on the centre. */
  'provider.manage': ['bureau-admin', 'centre-director', 'inspector'],
  /** See the volunteers of a subtree and their service hours. */
  'volunteer.read': [...MANAGERS, 'inspector'],
  /** Register volunteers of a unit and log their service hours. */
  'volunteer.manage': MANAGERS,
  /** Set the subsidy rules, compute a month's ledger and export it for payment; granted on the centre. */
  'subsidy.manage': ['bureau-admin', 'centre-director'],
  /** Read and answer the residents' suggestion box (便民信箱) of the district; granted on the centre. */
  'suggestion.answer': ['bureau-admin', 'centre-director', 'publicity-officer'],
  /** Draw random samples of a subtree's closed cases and review the files (案卷评查). */
  'file-review.conduct': ['bureau-admin', 'centre-director', 'inspector'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;
