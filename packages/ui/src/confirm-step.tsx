import type { MessageKey, MessageParams } from '@linju/i18n';
import { Form, Link, useActionData, useLocation } from 'react-router';
import { Alert } from './alert.tsx';
import { CsrfField } from './csrf.tsx';
import { useTranslate } from './locale-context.tsx';
import { SubmitButton } from './submit-button.tsx';

/** What an action answers to a destructive intent posted without `confirmed=yes`: the question to ask. */
export interface IntentConfirmation {
  intent: string;
  confirm: { question: MessageKey; params?: MessageParams | undefined };
  /** What was posted, to post again once confirmed. */
  values: Record<string, string>;
}

/** The pending question of the route's action, if it asked one. */
export function confirmationOf(actionData: unknown): IntentConfirmation | undefined {
  if (typeof actionData !== 'object' || actionData === null) return undefined;
  const candidate = actionData as Partial<IntentConfirmation>;
  return typeof candidate.intent === 'string' && candidate.confirm
    ? (candidate as IntentConfirmation)
    : undefined;
}

/**
 * The second step of a destructive action, without JavaScript: the question, a form posting the
 * same intent and values again with `confirmed=yes`, and a way back that changes nothing. Shown
 * at the top of the page, where the first click lands.
 */
export function ConfirmStep({ confirmation }: { confirmation?: IntentConfirmation | undefined }) {
  const t = useTranslate();
  const { pathname, search } = useLocation();
  const actionData = useActionData();
  const pending = confirmationOf(confirmation ?? actionData);
  if (!pending) return null;
  return (
    <Alert tone="warning" title={t('ui.confirm_title')}>
      <p>{t(pending.confirm.question, pending.confirm.params)}</p>
      <Form method="post" className="admin-inline-form">
        <CsrfField />
        <input type="hidden" name="intent" value={pending.intent} />
        {Object.entries(pending.values).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="confirmed" value="yes" />
        <SubmitButton>{t('ui.confirm')}</SubmitButton>{' '}
        <Link to={`${pathname}${search}`}>{t('ui.cancel')}</Link>
      </Form>
    </Alert>
  );
}
