import { servicesAt, xServicesAt } from '@linju/core';
import type { TenantTx } from '@linju/db';
import { describeForm, type FormField } from '@linju/plugin-sdk';
import { type PluginId, pluginIds, pluginRegistry } from '@linju/plugins';

/**
 * The services of the catalogue at a unit — the plugins and the street-defined X services — each
 * with whether it is on there, which unit decided, its case categories and its intake form as data
 * for the admin app.
 */
export async function catalogueAt(tx: TenantTx, organisationId: string) {
  const xServices = await xServicesAt(tx, organisationId);
  const states = await servicesAt(tx, organisationId, [...pluginIds, ...xServices.map((x) => x.serviceId)]);
  return states.map((state) => {
    const x = xServices.find((s) => s.serviceId === state.pluginId);
    if (x) {
      return {
        ...state,
        kind: 'x' as const,
        declarative: true,
        name: { 'zh-CN': x.nameZh, en: x.nameEn },
        description: { 'zh-CN': x.descriptionZh, en: x.descriptionEn },
        form: x.form as FormField[],
        // A declarative X service has no categories of its own: its cases use the service default.
        categories: [],
        deadlines: { defaultWorkingDays: x.deadlineWorkingDays, byCategory: {} as Record<string, number> },
        definedAt: x.organisationId,
        /** For `xService.retire`. */
        xServiceId: x.id,
      };
    }
    const plugin = pluginRegistry.get(state.pluginId as PluginId);
    return {
      ...state,
      kind: plugin.kind,
      declarative: false,
      name: plugin.name,
      description: plugin.description,
      form: describeForm(plugin.intakeForm),
      categories: plugin.categories.map(({ id, name }) => ({ id, name })),
      // The plugin's own time limits; the district's `time_limit` rows override them.
      deadlines: {
        defaultWorkingDays: plugin.deadlines.defaultWorkingDays,
        byCategory: (plugin.deadlines.byCategory ?? {}) as Record<string, number>,
      },
      definedAt: null,
      xServiceId: null,
    };
  });
}
