import { caseOpinionsScreen } from './case-opinions-screen.tsx';
import { mineScreen } from './mine-screen.tsx';
import { poolScreen } from './pool-screen.tsx';

export { adminRoutes } from '../admin-routes.ts';
export { messages } from '../messages.ts';

export const pluginId = 'expert-pool';

/** The plugin's screens, hosted by the admin app. */
export const adminScreens = [caseOpinionsScreen, poolScreen, mineScreen];
