import type { PluginMessageKey } from '@linju/plugin-sdk';
import type { messages } from '../messages.ts';

/** The notary plugin's message keys, for its screens' `t`. */
export type Key = PluginMessageKey<typeof messages>;
