/** The public rating page of a code; hyphens and spaces are dropped, case is kept for the server. */
export const ratePath = (code: string) => `/rate/${encodeURIComponent(code.replace(/[\s-]/g, ''))}`;

/** The rating page where a resident types the code in, on the same site as a code's own page. */
export const rateEntryUrl = (rateUrl: string) => new URL('/rate', rateUrl).href;

/** A freshly issued code with the absolute address of its rating page (for the slip's QR code). */
export function withRateUrl<T extends { code: string }>(
  issued: T,
  requestUrl: string,
): T & { rateUrl: string } {
  return { ...issued, rateUrl: new URL(ratePath(issued.code), requestUrl).href };
}

/** The score a resident chose, or undefined when it is not one of 1–5. */
export function parseRating(value: string): number | undefined {
  return /^[1-5]$/.test(value) ? Number(value) : undefined;
}

/**
 * Whether the case's resident was ever given a rating code: the timeline's rating entry that says
 * until when its code works (`case.rating_code_issued`; a recorded score carries none).
 */
export const ratingCodeIssued = (timeline: readonly { kind: string; data: unknown }[]) =>
  timeline.some(
    (e) =>
      e.kind === 'satisfaction' && typeof e.data === 'object' && e.data !== null && 'expiresAt' in e.data,
  );
