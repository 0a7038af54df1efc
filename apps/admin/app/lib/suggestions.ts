import type { MessageKey } from '@linju/i18n';
import type { SuggestionStatus, SuggestionTopic } from '@linju/vocabulary';

/** The suggestion box's kinds of message, as the resident chose them and staff see them. */
export const SUGGESTION_TOPIC_LABEL: Readonly<Record<SuggestionTopic, MessageKey>> = {
  suggestion: 'publicOutreach.topic_suggestion',
  complaint: 'publicOutreach.topic_complaint',
  question: 'publicOutreach.topic_question',
};

export const SUGGESTION_STATUS_LABEL: Readonly<Record<SuggestionStatus, MessageKey>> = {
  open: 'suggestion.status_open',
  answered: 'suggestion.status_answered',
};

/** The same, as the public site says it to the resident. */
export const SUGGESTION_STATUS_PUBLIC_LABEL: Readonly<Record<SuggestionStatus, MessageKey>> = {
  open: 'publicOutreach.status_open',
  answered: 'publicOutreach.status_answered',
};
