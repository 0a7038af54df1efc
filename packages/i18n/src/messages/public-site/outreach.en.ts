import type { publicOutreachZhCN } from './outreach.zh-cn.ts';

/** The residents' site (en): the suggestion box and the messages residents and partners receive. */
export const publicOutreachEn: Record<keyof typeof publicOutreachZhCN, string> = {
  'publicOutreach.title': 'Suggestion box',
  'publicOutreach.intro':
    'Leave a suggestion, a complaint or a legal question here and our staff will answer soon. You may stay anonymous.',
  'publicOutreach.form_heading': 'Leave a message',
  'publicOutreach.topic_label': 'Kind of message',
  'publicOutreach.topic_suggestion': 'Suggestion',
  'publicOutreach.topic_complaint': 'Complaint',
  'publicOutreach.topic_question': 'Question',
  'publicOutreach.body_label': 'Your message',
  'publicOutreach.body_hint': 'Please do not write your ID number, address or other personal details.',
  'publicOutreach.public_label': 'Show the question and its answer on this site (nothing about you is shown)',
  'publicOutreach.notify_label': 'Tell me by SMS when it is answered ({phone})',
  'publicOutreach.notify_verify':
    'Want an SMS when it is answered? Verify your mobile number first; then you alone see your messages and their answers.',
  'publicOutreach.notify_verify_link': 'Verify my number',
  'publicOutreach.mine_heading': 'My messages',
  'publicOutreach.mine_empty': 'You have not left a message to be told about yet.',
  'publicOutreach.status_open': 'Awaiting answer',
  'publicOutreach.status_answered': 'Answered',
  'publicOutreach.submit': 'Send',
  'publicOutreach.done': 'Thank you, your message was received. Our staff will answer soon.',
  'publicOutreach.answered_heading': 'Answered messages',
  'publicOutreach.answered_empty': 'No answers are public yet.',
  'publicOutreach.answered_question': 'Q',
  'publicOutreach.answered_answer': 'A',
  'publicOutreach.answered_on': 'Answered {date}',
  'publicOutreach.topic_required': 'Choose the kind of message.',
  'publicOutreach.text_too_long': 'Keep it to 2000 characters.',
  'publicOutreach.too_many': 'Too many messages from here; please try again later.',
};
