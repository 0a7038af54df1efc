/**
 * A question carried from another page of the public site (the legal assistant's "apply") into
 * the apply page's forms: posted, kept for half an hour in a cookie of the site (never in an
 * address, so it survives proving the phone), read and cleared by the apply page.
 */
export const CARRIED_QUESTION_COOKIE = 'linju_carried_question';

/** The longest question carried (a cookie holds about 4 KB; base64 of CJK text is 4 bytes a character). */
export const CARRIED_QUESTION_MAX = 500;

const HALF_HOUR_SECONDS = 1800;

function serialize(value: string, maxAge: number, slug: string, secure: boolean) {
  const parts = [
    `${CARRIED_QUESTION_COOKIE}=${value}`,
    `Path=/t/${encodeURIComponent(slug)}/public`,
    `Max-Age=${maxAge}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

/** The `Set-Cookie` value carrying `question` (trimmed, at most {@link CARRIED_QUESTION_MAX} characters). */
export const carryQuestion = (question: string, slug: string, options: { secure: boolean }) =>
  serialize(
    Buffer.from([...question.trim()].slice(0, CARRIED_QUESTION_MAX).join(''), 'utf8').toString('base64url'),
    HALF_HOUR_SECONDS,
    slug,
    options.secure,
  );

/** The `Set-Cookie` value clearing the carried question once a page has taken it. */
export const clearCarriedQuestion = (slug: string, options: { secure: boolean }) =>
  serialize('', 0, slug, options.secure);

/** The question the request carries, or null. */
export function carriedQuestionFrom(request: Request): string | null {
  const pair = (request.headers.get('cookie') ?? '')
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${CARRIED_QUESTION_COOKIE}=`));
  const value = pair?.slice(CARRIED_QUESTION_COOKIE.length + 1);
  if (!value) return null;
  const question = Buffer.from(value, 'base64url').toString('utf8').trim();
  return question ? [...question].slice(0, CARRIED_QUESTION_MAX).join('') : null;
}
