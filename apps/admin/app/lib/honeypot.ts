import { formText } from './form-data.ts';

/** The field every public form carries hidden from people: only a robot filling every input fills it. */
export const HONEYPOT_FIELD = 'website';

/** Whether a posted public form is a robot's (its honeypot filled): it is refused without a word. */
export const honeypotFilled = (form: FormData) => formText(form, HONEYPOT_FIELD) !== '';
