/**
 * What the platform counts besides cases (all additive), each a figure of the district's statistics
 * and of the city statistics it reports (\`consultations\`, \`consultationMinutes\`, \`hotlineMinutes\`,
 * \`educationEvents\`, \`educationAttendance\`): a referral completed (turnaround seconds as \`amount\`,
 * by partner kind), a consultation logged (minutes, by channel; the hotline's are 热线时长), a
 * legal-education event held (attendance, by event type). The platform's words, not plugin ids: a
 * plugin counts under one by naming it as its statistic's \`measure\`.
 */
export const ACTIVITY_MEASURES = ['referral-completed', 'consultation', 'education-event'] as const;
export type ActivityMeasure = (typeof ACTIVITY_MEASURES)[number];

/** The measures by name, for the code that sums them. */
export const ACTIVITY_MEASURE = {
  referralCompleted: 'referral-completed',
  consultation: 'consultation',
  educationEvent: 'education-event',
} as const satisfies Record<string, ActivityMeasure>;
