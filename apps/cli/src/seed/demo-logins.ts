/** Every demo account shares this password, printed by `linju start`; never used outside the demo. */
export const DEMO_PASSWORD = 'Linju@demo2026';
export const DEMO_TENANT = 'xuhui';
/** The city bureau (上海市司法局) the demo district reports its monthly statistics to, on the same node. */
export const DEMO_CITY = 'shanghai';
