import { useLocale, useTranslate } from '@linju/ui';
import { Fragment } from 'react';
import { Link } from 'react-router';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { optionLabel } from '../lib/core-services.ts';
import { idParam, isForbidden, load } from '../lib/route-errors.ts';
import { tenantPaths } from '../lib/tenant-paths.ts';
import type { Route } from './+types/case-x-counselling';

/** The service (plugin) whose page this is. */
const SERVICE = 'x-counselling';

/**
 * The x-counselling page of a case, declared by the plugin (`adminRoutes` in plugins/x-counselling): the intake
 * answers under the form's own labels, a place to start the service's own work from.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const caseId = params.id;
  idParam(caseId);
  const [found, screens] = await Promise.all([load(caller.case.get({ caseId })), caller.catalogue.screens()]);
  const services = await caller.catalogue
    .getMany({ organisationId: found.currentOrganisationId })
    .catch((error: unknown) => {
      if (isForbidden(error)) return [];
      throw error;
    });
  const fields = services.find((service) => service.pluginId === SERVICE)?.form ?? [];
  const form = (found.form ?? {}) as Record<string, unknown>;
  return {
    case: { id: found.id, number: found.number },
    title: screens.caseService[SERVICE]?.[0]?.label ?? null,
    fields: fields.map(({ key, label, options }) => ({ key, label, options })),
    answers: Object.fromEntries(Object.entries(form).map(([key, value]) => [key, String(value)])),
  };
}

export default function ServicePage({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale() === 'en' ? 'en' : 'zh-CN';
  const { tenant } = useTenantShell();
  const { fields, answers } = loaderData;
  const title = loaderData.title?.[locale] ?? loaderData.case.number;
  return (
    <>
      <DocumentTitle title={title} tenant={tenant} />
      <p>
        <Link to={tenantPaths.case(tenant.slug, loaderData.case.id)}>
          {t('mediationPage.back', { number: loaderData.case.number })}
        </Link>
      </p>
      <h1>{title}</h1>
      <dl className="admin-details">
        {fields
          .filter((field) => answers[field.key] !== undefined)
          .map((field) => (
            <Fragment key={field.key}>
              <dt>{field.label[locale]}</dt>
              <dd>{optionLabel(fields, field.key, answers[field.key], locale)}</dd>
            </Fragment>
          ))}
      </dl>
    </>
  );
}
