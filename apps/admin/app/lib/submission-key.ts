/** The hidden field every form posts with its per-render key (`CsrfField` renders it). */
export const SUBMISSION_FIELD = 'submission';

const RENDER_KEY = /^[0-9a-f-]{36}$/;

/** Fields that differ between two posts of the same form without making them different posts. */
const NOT_CONTENT = new Set(['csrf', SUBMISSION_FIELD]);

/**
 * The key of a form's post: its per-render key together with where it went and what it said
 * (hashed, so nothing typed is kept). Two posts of one rendering — a double click, the browser
 * sending it again — share it; another form of the same page, or the same form corrected after a
 * refusal, has its own. `null` when the form carried no per-render key.
 */
export async function submissionKeyOf(form: FormData, pathname: string): Promise<string | null> {
  const renderKey = form.get(SUBMISSION_FIELD);
  if (typeof renderKey !== 'string' || !RENDER_KEY.test(renderKey)) return null;
  const content = [...form]
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && !NOT_CONTENT.has(entry[0]))
    .map(([name, value]) => [name, value]);
  // With JavaScript the app posts to `<page>.data`; without, to the page.
  const page = pathname.replace(/\.data$/, '');
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(JSON.stringify([renderKey, page, content])),
  );
  return Buffer.from(digest).toString('base64url');
}
