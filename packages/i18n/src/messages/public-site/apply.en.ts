import type { publicApplyZhCN } from './apply.zh-cn.ts';

/** The residents' site (en): asking and applying online (consultation, mediation, legal aid, home visits). */
export const publicApplyEn: Record<keyof typeof publicApplyZhCN, string> = {
  'publicApply.title': 'Apply online',
  'publicApply.intro':
    'Choose what you need, fill it in and send it. You will get a text message with your case number.',
  'publicApply.verified_as': 'Verified phone: {phone}',
  'publicApply.place_label': 'Your street or community',
  'publicApply.place_hint': 'The nearest station or room offering the service handles it.',
  'publicApply.place_choose': 'Choose',
  'publicApply.name_label': 'Your name',
  'publicApply.submit': 'Send',
  'publicApply.kind.consultation': 'Legal question',
  'publicApply.kind.consultation_intro':
    'Write your question; a lawyer or staff member will get back to you.',
  'publicApply.kind.dispute': 'Ask for mediation',
  'publicApply.kind.dispute_intro':
    'A dispute with neighbours, family or the property manager: a mediator can help.',
  'publicApply.kind.home-visit': 'Home visit (green channel)',
  'publicApply.kind.home-visit_intro':
    'Elderly or disabled residents who cannot come in can ask for a home visit.',
  'publicApply.open_screen': 'Fill it in online',
  'publicApply.topic_label': 'Topic',
  'publicApply.topic.family': 'Marriage and family',
  'publicApply.topic.labour': 'Work and wages',
  'publicApply.topic.neighbours': 'Neighbours',
  'publicApply.topic.housing': 'Housing and property',
  'publicApply.topic.debts': 'Loans and debts',
  'publicApply.topic.consumer': 'Consumer rights',
  'publicApply.topic.other': 'Other',
  'publicApply.question_label': 'Your question',
  'publicApply.question_hint': 'What happened and what help you want (at least 10 characters).',
  'publicApply.other_party_label': 'The other party (name of person or organisation)',
  'publicApply.what_happened_label': 'What happened',
  'publicApply.for_whom_label': 'The visit is for',
  'publicApply.for_whom.elderly': 'An elderly person',
  'publicApply.for_whom.disabled': 'A person with a disability',
  'publicApply.address_label': 'Address to visit',
  'publicApply.reason_label': 'What help is needed',
  'publicApply.case.consultation': 'Online question ({topic}): {text}',
  'publicApply.case.dispute': 'Online mediation request: {text}',
  'publicApply.case.home-visit': 'Home visit request ({forWhom}): {text}',
  'publicApply.too_short': 'Please write at least 10 characters about what happened.',
  'publicApply.done_title': 'Application sent',
  'publicApply.done_number': 'Case number: {number}',
  'publicApply.done_text':
    'We sent a text message to your verified phone. Staff will contact you soon; please keep the case number.',
  'publicApply.done_follow': 'Follow its progress',
  'publicApply.done_again': 'Apply for something else',
};
