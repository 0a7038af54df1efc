/** Who may use the green channel (绿色通道): the elderly, the sick and the disabled. */
export const GREEN_CHANNEL_GROUPS = ['elderly', 'sick', 'disabled'] as const;
export type GreenChannelGroup = (typeof GREEN_CHANNEL_GROUPS)[number];
