import type { publicResidentZhCN } from './resident.zh-cn.ts';

/** The residents' site (en): a resident proving their phone by SMS code and following a matter. */
export const publicResidentEn: Record<keyof typeof publicResidentZhCN, string> = {
  'publicResident.mobile_needed': 'Enter an 11-digit mobile number: the code is sent by SMS.',
  'publicResident.code_shape': 'The code has 6 digits.',
  'publicResident.code_wait_seconds': 'Codes were asked for too often. Try again in {seconds} seconds.',
  'publicResident.code_wait_minutes': 'Too many codes were asked for. Try again in {minutes} minutes.',
  'publicResident.code_expired': 'The code has expired or was never sent. Ask for a new code.',
  'publicResident.code_wrong': 'The code is wrong. {left} tries left.',
  'publicResident.code_dead':
    'The code was entered wrong too many times and no longer works. Ask for a new code.',
  'publicResident.verify_title': 'Verify your phone',
  'publicResident.verify_intro':
    'Get a code by SMS on your mobile. Once verified you can see and handle your matters in this district; your number is never shown publicly.',
  'publicResident.phone': 'Mobile number',
  'publicResident.phone_hint': 'An 11-digit mobile number: the code comes by SMS.',
  'publicResident.send_code': 'Send code',
  'publicResident.code_sent': 'A code was sent to {phone}. It is valid for 10 minutes.',
  'publicResident.code': 'SMS code',
  'publicResident.code_hint': 'The 6 digits in the SMS.',
  'publicResident.verify_submit': 'Verify',
  'publicResident.resend': 'No SMS? Send a new code',
  'publicResident.other_phone': 'Use another number',
  'publicResident.verified_as': 'You verified the phone {phone}.',
  'publicResident.continue': 'Continue',
  'publicResident.sign_out': 'Sign out',
  'publicResident.honeypot': 'Leave this field empty',
};
