/**
 * A field people never see or fill (hidden from sight and from screen readers); a form that comes
 * back with it filled was filled by a robot and is refused quietly.
 */
export function HoneypotField() {
  return (
    <div hidden aria-hidden="true">
      <label>
        website
        <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </label>
    </div>
  );
}

/** True when a form's honeypot came back filled. */
export const caughtByHoneypot = (form: FormData) => String(form.get('website') ?? '').trim() !== '';
