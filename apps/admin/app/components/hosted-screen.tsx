import type { MessageKey } from '@linju/i18n';
import { useLocale } from '@linju/ui';
import { useLocation } from 'react-router';
import { hostedScreen, screenTranslate } from '../lib/hosted-screens.ts';
import { failureOf } from '../lib/submission.ts';
import { useBoundIntentForm } from './bound-intent-form.tsx';
import { CaseServiceHeader } from './case-service-header.tsx';
import { useTenantShell } from './tenant-shell.ts';

/**
 * A plugin's screen as a host shows it: the header (title, the refused form's errors under the
 * fields' labels, the success notice, the way back to a case) and the screen's component with its
 * data, the bound `IntentForm` and the plugin's `t`.
 */
export function HostedScreen({
  kind,
  loaded,
  actionData,
}: {
  kind: 'case' | 'district';
  loaded: { pluginId: string; screenId: string; caseId: string | null; data: unknown };
  actionData: unknown;
}) {
  const locale = useLocale();
  const { tenant } = useTenantShell();
  const location = useLocation();
  const intentName = (actionData as { intent?: unknown } | undefined)?.intent;
  const failure = typeof intentName === 'string' ? failureOf(actionData, intentName) : undefined;
  const IntentForm = useBoundIntentForm(failure);
  const hosted = hostedScreen(kind, loaded.pluginId, loaded.screenId);
  if (!hosted) throw new Response(null, { status: 404 });
  const { screen, messages } = hosted;
  const t = screenTranslate(messages, locale);
  const intents = Object.values(screen.intents ?? {});
  // Plugin keys are in the app's catalogue (merged by @linju/plugins/admin): the header translates them.
  const fieldLabels = Object.assign({}, ...intents.map((i) => i.fields)) as Record<string, MessageKey>;
  const failed = failure ? screen.intents?.[failure.intent] : intents[0];
  const otherFieldLabel = (Object.values(failed?.fields ?? {})[0] ?? 'validation.failed') as MessageKey;
  // A refused form is not followed by the notice of the one saved before it.
  const done = failure ? null : new URLSearchParams(location.search).get('done');
  const common = { data: loaded.data, slug: tenant.slug, locale, IntentForm, t, done };
  if (screen.kind === 'case') {
    const heading = screen.heading(loaded.data, t);
    const { Component } = screen;
    return (
      <>
        <CaseServiceHeader
          title={heading.title}
          caseRef={{ id: loaded.caseId ?? '', number: heading.caseNumber }}
          failure={failure}
          done={Boolean(done)}
          fieldLabels={fieldLabels}
          otherFieldLabel={otherFieldLabel}
        />
        <Component {...common} caseId={loaded.caseId ?? ''} />
      </>
    );
  }
  const { Component } = screen;
  return (
    <>
      {/* A district page says what it saved itself, in its own words (`done`). */}
      <CaseServiceHeader
        title={screen.heading(loaded.data, t).title}
        failure={failure}
        done={false}
        fieldLabels={fieldLabels}
        otherFieldLabel={otherFieldLabel}
      />
      <Component {...common} />
    </>
  );
}
