import type { PartyKind, PartyRole } from '@linju/i18n';
import type { ActivityFact } from './extension-points.ts';
import type { KnowledgeCapabilities } from './knowledge.ts';
import type { PluginContext } from './plugin-context.ts';
import type { PluginDb } from './plugin-db.ts';
import type { PrintableDocument } from './printable-document.ts';

/** The staff member calling a plugin's procedure. */
export interface ProcedureActor {
  readonly staffId: string;
  /** Their display name, as the platform shows it (advice "given by", a session's recorder). */
  readonly name: string;
}

/** The tenant's working-day calendar (holidays and make-up working days of the district). */
export interface TenantCalendar {
  /** Today in the district's time zone (ISO date). */
  today(): Promise<string>;
  /** The date `workingDays` working days after `from` (ISO dates, `YYYY-MM-DD`). */
  addWorkingDays(from: string, workingDays: number): Promise<string>;
  isWorkingDay(date: string): Promise<boolean>;
  /** The district's date of an instant (the day a case was received, for a deadline in days). */
  dateOf(at: Date): Promise<string>;
}

/** A referral the plugin sends: the platform's one ritual (consent, partner checks, workflow after commit). */
export interface ReferralRequest {
  readonly caseId: string;
  readonly toOrganisationId: string;
  /** The referral's kind (`assistance`, `judicial-confirmation`, …), one of the platform's kinds. */
  readonly kind: string;
  readonly summary: string;
  readonly details?: string | null;
  /** Case documents that go with it (the agreement's PDF). */
  readonly attachments?: readonly string[];
  /**
   * The field of the plugin's input that named the partner: a refusal about the partner (no
   * consent to share with it, a closed partner) names this field instead of `toOrganisationId`.
   */
  readonly partnerField?: string;
}

/** A new case opened from one of the plugin's cases and linked to it (a failed mediation goes on as legal aid). */
export interface LinkedCaseRequest {
  readonly fromCaseId: string;
  /** The service of the new case: a plugin id. */
  readonly serviceType: string;
  readonly description: string;
  /** How the cases are linked, one of the platform's link kinds (`follow-up`, …). */
  readonly linkKind: string;
  readonly note?: string;
}

/** A document the plugin files on a case: raw bytes, or content the platform lays out as a PDF. */
export interface DocumentRequest {
  readonly caseId: string;
  readonly fileName: string;
  readonly content: Uint8Array | PrintableDocument;
  /** The type of raw bytes (checked against their content); a printable document is a PDF. */
  readonly contentType?: string;
}

/** Staff members the plugin tells something, in their own language. */
export interface NotifyRequest {
  readonly recipientIds: readonly string[];
  /** What it is about (`<plugin id>.<event>`); the admin app groups by it. */
  readonly kind: string;
  readonly caseId?: string;
  /** One of the plugin's message keys, rendered in the reader's language with `params`. */
  readonly messageKey: string;
  readonly params?: Readonly<Record<string, string | number>>;
  /** Makes a repeat a no-op per recipient. */
  readonly dedupeKey?: string;
}

/** An organisation as a plugin's screen needs it (an institution to pick, a court). */
export interface OrganisationInfo {
  readonly id: string;
  readonly kind: string;
  readonly name: { readonly 'zh-CN': string; readonly en: string };
  readonly parentId: string | null;
  readonly closed: boolean;
}

/** A community lawyer adviser under contract (一居一法律顾问), as a consultation desk shows it. */
export interface AdviserInfo {
  readonly id: string;
  /** The room (or unit) the contract is with. */
  readonly organisationId: string;
  readonly lawyerName: string;
  readonly lawFirm: string;
}

/** Where one of a case's referrals stands. */
export interface ReferralInfo {
  readonly id: string;
  readonly kind: string;
  readonly status: string;
  readonly toOrganisationId: string;
  /** The partner's answer when it completed it. */
  readonly outcomeText: string | null;
  /** Why it failed or was declined. */
  readonly reason: string | null;
}

/**
 * What a plugin's procedure gets: the tenant, its data handle and the platform's capabilities, all
 * inside the request's one transaction and audited by the platform. A plugin reaches core only
 * through these.
 */
export interface PluginProcedureContext extends PluginContext {
  readonly db: PluginDb;
  readonly actor: ProcedureActor;
  readonly calendar: TenantCalendar;
  /** Sends a referral (consent checked); its workflow starts once the request committed. */
  refer(request: ReferralRequest): Promise<{ readonly referralId: string }>;
  /** Opens a new case from one of this plugin's cases, linked to it. */
  openLinkedCase(request: LinkedCaseRequest): Promise<{ readonly caseId: string; readonly number: string }>;
  /** Files a document on a case (type checked, hashed, on the timeline). */
  attachDocument(request: DocumentRequest): Promise<{ readonly documentId: string }>;
  notify(request: NotifyRequest): Promise<void>;
  readonly organisations: {
    /** One organisation of the tenant; `not-found` naming `organisationId` when there is none. */
    get(organisationId: string): Promise<OrganisationInfo>;
    /** The tenant's organisations, of these kinds when given. */
    list(filter?: { readonly kinds?: readonly string[] }): Promise<OrganisationInfo[]>;
    /**
     * The open units of an organisation's subtree, itself first (a unit's figures count those of
     * the rooms below it); `not-found` naming `organisationId` when there is none.
     */
    subtree(organisationId: string): Promise<OrganisationInfo[]>;
  };
  /** Whether the staff member holds `permission` (one of the plugin's) at an organisation: a page shows a part only to those who may see it. */
  allows(permission: string, organisationId: string): Promise<boolean>;
  readonly advisers: {
    /** The community lawyer advisers under contract today in an organisation's subtree, in roster order. */
    currentUnder(organisationId: string): Promise<AdviserInfo[]>;
  };
  readonly referrals: {
    /** The case's referrals the staff member may see (none without `referral.read`). */
    ofCase(caseId: string): Promise<ReferralInfo[]>;
  };
  readonly statistics: {
    /** Counts a fact under the measure of the plugin's statistic `statisticId`, in the transaction. */
    count(statisticId: string, fact: ActivityFact): Promise<void>;
    /** Takes a fact counted before back out (a corrected record: uncount the old, count the new). */
    uncount(statisticId: string, fact: ActivityFact): Promise<void>;
  };
  /** The statute library, reference cases, the district's services and the language model (issue 19). */
  readonly knowledge: KnowledgeCapabilities;
}

/**
 * A party of the case, as the case page shows it: the resident who brought the matter, and the
 * parties recorded at intake or on the case page. Personal data comes masked, as on that page.
 */
export interface CaseParty {
  readonly name: string;
  /** `resident` for the person who brought the matter (the applicant), else the party's role on the case. */
  readonly role: 'resident' | PartyRole;
  readonly kind: PartyKind;
  readonly idNumberMasked: string | null;
  /** An organisation's unified social credit code (public, not masked). */
  readonly creditCode: string | null;
  readonly phoneMasked: string | null;
  readonly addressMasked: string | null;
}

/**
 * A party of the case with the particulars a legal document names them by: the sealed ID number,
 * phone and address opened. Only {@link CaseInHand.revealParties} gives them, and audits it.
 */
export interface CasePartyParticulars {
  readonly name: string;
  readonly role: 'resident' | PartyRole;
  readonly kind: PartyKind;
  readonly idNumber: string | null;
  readonly creditCode: string | null;
  readonly phone: string | null;
  readonly address: string | null;
}

/** The case a case procedure is about, checked by the platform: it exists, is this plugin's, and the actor may act on it. */
export interface CaseInHand {
  readonly id: string;
  readonly number: string;
  readonly status: string;
  readonly organisationId: string;
  readonly residentId: string;
  readonly channel: string;
  readonly categoryId: string | null;
  readonly description: string;
  /** The intake form as it was validated (the plugin parses it with its own schema). */
  readonly form: unknown;
  readonly createdAt: Date;
  /** The resident and the other parties (names as the case page shows them to this actor). */
  parties(): Promise<CaseParty[]>;
  /**
   * The same parties with their sealed particulars opened, for a document that must name them in
   * full (an agreement): only for someone who may handle the case, and each person whose data is
   * opened gets an audit entry (`personal_data.revealed`) naming the fields and `purpose` (the
   * plugin's own words, `<plugin id>.<what>`). Never for a page: it shows `parties()`.
   */
  revealParties(purpose: string): Promise<CasePartyParticulars[]>;
  /** The case's documents, oldest first: a page links one (`/t/<slug>/cases/<id>/documents/<documentId>`). */
  documents(): Promise<CaseDocumentInfo[]>;
}

/** A document filed on the case, without its content (downloading it is audited by the platform). */
export interface CaseDocumentInfo {
  readonly id: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly uploadedAt: Date;
}

/** A line a plugin puts on the case's timeline; it is also the audit entry. */
export interface TimelineNote {
  readonly text: string;
  /** `<plugin id>.<object>.<verb>`. */
  readonly action: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

/**
 * A message to the case's resident by one of the platform's templates (`MESSAGE_TEMPLATES` of
 * `@linju/vocabulary`, e.g. `legal-aid-result`), with exactly its parameters: SMS templates are
 * registered with the provider, so a plugin never sends free text.
 */
export interface ResidentMessage {
  readonly template: string;
  readonly params: Readonly<Record<string, string>>;
}

/** A staff member a case can be assigned to (指派), with their active provider records. */
export interface AssigneeCandidate {
  readonly id: string;
  readonly displayName: string;
  /** Their platform roles that may handle the case (`lawyer`, `legal-aid-officer`, …). */
  readonly roles: readonly string[];
  /** Active records only: on the negative list, and how many misconduct records. */
  readonly providerRecords: { readonly negativeListed: boolean; readonly misconduct: number };
}

/** What assigning the case takes; a reason where the platform's checks ask for one. */
export interface AssignRequest {
  readonly assigneeId: string;
  readonly conflictReason?: string | null;
  readonly negativeListReason?: string | null;
}

/** The platform's assignment of the case in hand (指派), exactly as its case page does it. */
export interface CaseAssignment {
  /** Who handles the case now; `null` while nobody does. */
  current(): Promise<{ readonly id: string; readonly name: string } | null>;
  /** Who it can be assigned to, or `null` when the actor may not assign it here (`case.manage`). */
  candidates(): Promise<readonly AssigneeCandidate[] | null>;
  /**
   * Assigns it with the platform's conflict-of-interest and negative-list checks: refused naming
   * `conflictReason` or `negativeListReason` until that reason is given; on the timeline and audited.
   */
  assign(request: AssignRequest): Promise<void>;
}

/** What a case procedure gets: the {@link PluginProcedureContext} and the case in hand. */
export interface CaseProcedureContext extends PluginProcedureContext {
  readonly case: CaseInHand;
  readonly assignment: CaseAssignment;
  recordOnTimeline(note: TimelineNote): Promise<void>;
  /**
   * Puts a message to the case's resident in the outbox, with the procedure's change (it goes
   * only if the change commits). `messageId` null: the resident has no mobile number to text.
   */
  messageResident(message: ResidentMessage): Promise<{ readonly messageId: string | null }>;
}

/** A file a resident sends with an online application (type and size checked by the platform). */
export interface OnlineDocument {
  readonly fileName: string;
  readonly contentType: string;
  readonly content: Uint8Array;
}

/** A matter a resident sends from the plugin's public screen, taken in as a case of the plugin's service. */
export interface OnlineCaseRequest {
  /**
   * Where the resident lives or came from (a unit of the district): the case joins the queue of
   * the nearest unit at or above it that offers the service.
   */
  readonly organisationId: string;
  readonly categoryId?: string | null;
  /** The resident's name, as they give it. */
  readonly residentName: string;
  /** What the matter is about, in the resident's words (a repeat is recognised by it). */
  readonly summary: string;
  /** The plugin's intake form, validated as at the staff intake (a refusal names its field under `form.`). */
  readonly form: Readonly<Record<string, unknown>>;
  readonly documents?: readonly OnlineDocument[];
}

/** The case an online application opened, or the open one it repeats (same phone, service and words within 24 hours). */
export interface OnlineCase {
  readonly caseId: string;
  readonly number: string;
  readonly repeated: boolean;
}

/**
 * What a public procedure gets (a resident-facing page, no staff session): the district named by
 * the address, a logger and the plugin's data handle in a transaction of that district, and the
 * resident whose phone was verified by an SMS code, if any. The only capability acting in
 * someone's name is the online intake, in that resident's.
 */
export interface PublicProcedureContext extends PluginContext {
  readonly db: PluginDb;
  /**
   * The places a resident can say they live near or came from: the district's open centre,
   * stations, rooms and service points, in tree order (an online application names one).
   */
  servicePoints(): Promise<OrganisationInfo[]>;
  /** The resident of this district who proved their phone in this browser, else `null`. */
  readonly resident: { readonly phone: string } | null;
  /**
   * Takes in a matter for the verified resident (channel `online`, their phone as the resident's)
   * with the staff intake's rules: the form, categories, time limit and receipt SMS, all in the
   * request's one transaction. Refused (`resident.not_verified`) without a verified resident.
   */
  openOnlineCase(request: OnlineCaseRequest): Promise<OnlineCase>;
  /**
   * The verified resident's cases of the plugin's service in this district, newest first (found
   * by their phone's keyed token; none without a verified resident): how a plugin knows whose a
   * case is without reading the platform's tables.
   */
  residentCases(): Promise<readonly ResidentCase[]>;
  /** The district's time zone (IANA name), for telling a resident a time as their clocks show it. */
  timeZone(): Promise<string>;
  /**
   * Puts a message to the verified resident in the outbox by one of the platform's templates,
   * with the procedure's change (it goes only if the change commits). Refused
   * (`resident.not_verified`) without a verified resident.
   */
  messageResident(
    message: ResidentMessage & { readonly caseId?: string },
  ): Promise<{ readonly messageId: string }>;
  /** The statute library, reference cases, the district's services and the language model, as staff procedures get them. */
  readonly knowledge: KnowledgeCapabilities;
}

/** One of the verified resident's cases, as {@link PublicProcedureContext.residentCases} lists it. */
export interface ResidentCase {
  readonly caseId: string;
  readonly number: string;
}
