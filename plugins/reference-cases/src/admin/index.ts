import { libraryScreen } from './library-screen.tsx';
import { proposeScreen } from './propose-screen.tsx';

export { adminRoutes } from '../admin-routes.ts';
export { messages } from '../messages.ts';

export const pluginId = 'reference-cases';

/** The reference case library's screens, hosted by the admin app. */
export const adminScreens = [proposeScreen, libraryScreen];
