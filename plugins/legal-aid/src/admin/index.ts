export { messages } from '../messages.ts';

export const pluginId = 'legal-aid';

/** Legal aid's screens, hosted by the admin app. */
export const adminScreens = [];
