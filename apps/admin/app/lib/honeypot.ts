import { HONEYPOT_FIELD } from '../components/public/honeypot-field.tsx';
import { formText } from './form-data.ts';

/** Whether a posted public form is a robot's (its honeypot filled): it is refused without a word. */
export const honeypotFilled = (form: FormData) => formText(form, HONEYPOT_FIELD) !== '';
