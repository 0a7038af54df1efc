import { mediationScreen } from './mediation-screen.tsx';

/** The mediation plugin's admin screens, for the composition root. */
export const adminScreens = [mediationScreen];
