import type { MessageKey } from '@linju/i18n';
import {
  type AdminScreen,
  type CaseScreen,
  type DistrictScreen,
  type FormValues,
  type IntentFormComponent,
  usePluginMessages,
} from '@linju/plugin-sdk/admin';
import { pluginAdmins } from '@linju/plugins/admin';
import { failureOf, IntentForm, useLocale, useTranslate } from '@linju/ui';
import type { ComponentProps, ComponentType } from 'react';
import { useActionData, useLocation } from 'react-router';
import { CaseServiceHeader } from '../components/case-service-header.tsx';
import { FormErrorSummary } from '../components/form-errors.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import type { Caller } from '../context.ts';
import { type IntentHandler, intentAction } from './intent-action.ts';
import type { IntentFailure } from './submission.ts';

/**
 * Hosting one plugin screen (`adminScreens` of a plugin's `./admin`) in a route module: its `page`
 * query as the loader, its intents through the shared intent runner, its component with the
 * plugin's messages. A stop-gap per screen until the admin hosts every screen from one route.
 */
export function pluginScreen<S extends AdminScreen['kind']>(pluginId: string, screenId: string, kind: S) {
  const admin = pluginAdmins.find((p) => p.pluginId === pluginId);
  const screen = admin?.adminScreens.find((s) => s.id === screenId && s.kind === kind);
  if (!admin || !screen) throw new Error(`Plugin "${pluginId}" has no ${kind} screen "${screenId}"`);
  return { admin, screen: screen as S extends 'case' ? CaseScreen<unknown> : DistrictScreen<unknown> };
}

type ProcedureCall = (input: unknown) => Promise<unknown>;

/** The plugin procedure `<plugin id>.<name>` of the caller. */
const procedureOf = (caller: Caller, pluginId: string, name: string) => {
  const call = (caller as unknown as Record<string, Record<string, ProcedureCall>>)[pluginId]?.[name];
  if (!call) throw new Error(`The API has no procedure ${pluginId}.${name}`);
  return call;
};

/** The screen's data: one call of its `page` query. */
export const screenPage = (
  caller: Caller,
  pluginId: string,
  screen: AdminScreen,
  input: Record<string, unknown>,
): Promise<unknown> => procedureOf(caller, pluginId, screen.page)(input);

/** The screen's page query input from the URL's search parameters (an office, a unit, a month). */
export const searchInput = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);

/** Runs a posted intent of the screen: checks, the procedure's input, the call, refusals on the named fields. */
export function screenAction(
  caller: Caller,
  pluginId: string,
  screen: CaseScreen<unknown> | DistrictScreen<unknown>,
  form: FormData,
  at: { caseId: string | null; done: (intent: string) => string },
) {
  const handlers: Record<string, IntentHandler<string, void>> = Object.fromEntries(
    Object.entries(screen.intents ?? {}).map(([name, intent]) => [
      name,
      {
        fields: Object.keys(intent.fields),
        check: (values: FormValues) => (intent.check?.(values) ?? {}) as never,
        run: async (values: FormValues, { form: posted }: { form: FormData }) => {
          const lists = Object.fromEntries(
            (intent.lists ?? []).map((list) => [
              list,
              posted.getAll(list).filter((v): v is string => typeof v === 'string'),
            ]),
          );
          await procedureOf(
            caller,
            pluginId,
            intent.procedure,
          )(intent.input(values, { caseId: at.caseId, lists }));
        },
      },
    ]),
  );
  return intentAction(form, handlers, { done: at.done });
}

/** The field labels of every intent of a screen, for the error summary. */
const fieldLabelsOf = (screen: CaseScreen<unknown> | DistrictScreen<unknown>) =>
  Object.assign({}, ...Object.values(screen.intents ?? {}).map((i) => i.fields)) as Record<
    string,
    MessageKey
  >;

/** The shared intent form, filling a refused form's fields with what was typed. */
function HostIntentForm(props: ComponentProps<IntentFormComponent>) {
  const failure = failureOf(useActionData(), props.intent);
  return (
    <IntentForm {...props}>
      {(f) => props.children((name) => ({ ...f(name), defaultValue: failure?.values[name] }))}
    </IntentForm>
  );
}

/**
 * A hosted screen: the header (title, the refused form's errors by field, the saved notice, the
 * way back to the case) and the screen's component with what the host lends it.
 */
export function HostedScreen({
  admin,
  screen,
  data,
  caseId,
}: {
  admin: ReturnType<typeof pluginScreen>['admin'];
  screen: CaseScreen<unknown> | DistrictScreen<unknown>;
  data: unknown;
  caseId: string | null;
}) {
  const t = usePluginMessages(admin.messages);
  const platformT = useTranslate();
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const location = useLocation();
  const actionData = useActionData();
  const failure =
    actionData && typeof actionData === 'object' && 'errors' in actionData
      ? (actionData as IntentFailure)
      : undefined;
  // A refused form is not followed by the notice of the one saved before it.
  const done = failure ? null : new URLSearchParams(location.search).get('done');
  const labels = fieldLabelsOf(screen);
  const Component = screen.Component as unknown as ComponentType<Record<string, unknown>>;
  const body = (
    <Component
      data={data}
      slug={tenant.slug}
      locale={locale}
      IntentForm={HostIntentForm}
      t={t}
      done={done}
      caseId={caseId}
    />
  );
  if (screen.kind === 'case' && caseId) {
    const heading = screen.heading(data, t);
    return (
      <>
        <CaseServiceHeader
          title={heading.title}
          caseRef={{ id: caseId, number: heading.caseNumber }}
          failure={failure}
          done={Boolean(done)}
          fieldLabels={labels}
          otherFieldLabel={Object.values(labels)[0] ?? 'casePage.done'}
        />
        {body}
      </>
    );
  }
  // A district page says what it saved itself (`done`), in its own words.
  const { title } = (screen as DistrictScreen<unknown>).heading(data, t);
  const summary = failure
    ? Object.keys(failure.errors.fields).map((name) => ({
        name,
        label: platformT(labels[name] ?? Object.values(labels)[0] ?? 'casePage.done'),
        id: `${failure.intent}-${name}`,
      }))
    : [];
  return (
    <>
      <DocumentTitle title={title} tenant={tenant} />
      <FormErrorSummary errors={failure?.errors} fields={summary} />
      <h1>{title}</h1>
      {body}
    </>
  );
}
