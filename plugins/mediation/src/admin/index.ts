import { mediationScreen } from './mediation-screen.tsx';

export { adminRoutes } from '../admin-routes.ts';
export { messages } from '../messages.ts';

export const pluginId = 'mediation';

/** People's mediation's screens, hosted by the admin app. */
export const adminScreens = [mediationScreen];
