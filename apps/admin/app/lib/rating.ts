/** The public rating page of a code; hyphens and spaces are dropped, case is kept for the server. */
export const ratePath = (code: string) => `/rate/${encodeURIComponent(code.replace(/[\s-]/g, ''))}`;

/** The score a resident chose, or undefined when it is not one of 1–5. */
export function parseRating(value: string): number | undefined {
  return /^[1-5]$/.test(value) ? Number(value) : undefined;
}
