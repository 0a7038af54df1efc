/** What a case's printouts are made from, in words a person reads (names, labels, district dates). */
export type CaseFacts = {
  number: string;
  /** The district (the tenant), which keeps the file. */
  district: string;
  /** The service's name (人民调解). */
  service: string;
  /** How the matter came in (现场来访). */
  channel: string;
  /** The person who brought the matter. */
  resident: string;
  /** Every party of the case, the resident first, each with their role in words. */
  parties: readonly { readonly role: string; readonly name: string }[];
  /** The unit that took the matter in, and the one handling it now. */
  receivedAt: string;
  handledBy: string;
  /** The staff member who took it in, and the one handling it now. */
  firstResponder: string | null;
  assignee: string | null;
  /** District dates, ISO (`YYYY-MM-DD`). */
  receivedOn: string;
  dueOn: string | null;
  closedOn: string | null;
  limitWorkingDays: number | null;
};
