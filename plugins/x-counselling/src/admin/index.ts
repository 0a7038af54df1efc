import type { PluginMessageKey } from '@linju/plugin-sdk';
import { caseScreen } from '@linju/plugin-sdk/admin';
import type { messages } from '../messages.ts';
import { CounsellingRecord, type CounsellingRecordData } from './counselling-record.tsx';

/** The counselling record of a case (the manifest's `case-page` route). */
export const counsellingRecordScreen = caseScreen<CounsellingRecordData, PluginMessageKey<typeof messages>>({
  id: 'case-page',
  page: 'page',
  heading: (data, t) => ({ title: t('x-counselling.record.title'), caseNumber: data.case.number }),
  Component: CounsellingRecord,
});

export { adminRoutes } from '../admin-routes.ts';
export { messages } from '../messages.ts';

export const pluginId = 'x-counselling';

/** The plugin's screens, hosted by the admin app. */
export const adminScreens = [counsellingRecordScreen];
