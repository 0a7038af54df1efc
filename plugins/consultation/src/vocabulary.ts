/** How the question reached us. */
export const CONSULTATION_CHANNELS = ['walk-in', 'hotline', 'online'] as const;

/** What follows an answer. */
export const FOLLOW_UPS = ['none', 'call-back', 'documents-requested', 'referred', 'new-case'] as const;
