import type { AnyPlugin } from '@linju/plugin-sdk';

/** The measure a plugin's statistic counts under; a statistic without one is the plugin's mistake. */
export function pluginStatisticMeasure(plugin: AnyPlugin, statisticId: string) {
  const measure = plugin.statistics?.find((s) => s.id === statisticId)?.measure;
  if (!measure) throw new Error(`Plugin "${plugin.id}" has no statistic "${statisticId}" with a measure`);
  return measure;
}
