import { formatDate } from '@linju/i18n';
import { Alert, Button, Checkbox, Fieldset, TextField, useLocale, useTranslate } from '@linju/ui';
import { Form, Link, redirect } from 'react-router';
import { CsrfField } from '../components/csrf-field.tsx';
import { FormErrorSummary, useFieldError } from '../components/form-errors.tsx';
import { PlatformShell } from '../components/page-shell.tsx';
import { getAdminContext } from '../context.ts';
import { intent, intentAction } from '../lib/intent-action.ts';
import { platformCall, platformRedirectFor } from '../lib/platform-session.ts';
import { failureOf, type IntentFailure } from '../lib/submission.ts';
import { platformPaths } from '../lib/tenant-paths.ts';
import type { Route } from './+types/platform-peers';

const DONE = ['pinned', 'unpinned', 'allowed'] as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const [peers, tenants, me] = await Promise.all([
    platformCall(caller.platform.peer.getMany()),
    platformCall(caller.platform.tenant.getMany()),
    caller.platform.me(),
  ]);
  const search = new URL(request.url).searchParams;
  return {
    peers,
    districts: tenants.map(({ slug, nameZh, nameEn }) => ({ slug, nameZh, nameEn })),
    operatorName: me?.operator.displayName,
    confirmUnpin: search.get('unpin'),
    done: DONE.find((value) => value === search.get('done')) ?? null,
    doneNode: search.get('node'),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { caller } = getAdminContext(context);
  const back = (done: (typeof DONE)[number], node: string) =>
    redirect(`${platformPaths.peers}?done=${done}&node=${encodeURIComponent(node)}`);
  const onPeer = (values: { url: string; allowPrivateNetwork: string }) => ({
    url: values.url,
    allowPrivateNetwork: values.allowPrivateNetwork === 'on',
  });
  // Every failure of a pin is shown on the address form: start again from the preview.
  const preview = () => 'preview';
  const ofNode = (name: string) => (values: { nodeId: string }) => `${name}:${values.nodeId}`;
  return intentAction(
    request,
    {
      // The preview is answered, not stored: the confirmation posts back exactly what it showed.
      preview: intent({
        fields: ['url'],
        keep: ['allowPrivateNetwork'],
        run: async (values) => ({
          intent: 'preview',
          ...onPeer(values),
          preview: await caller.platform.peer.preview(onPeer(values)),
        }),
      }),
      pin: intent({
        fields: ['url'],
        keep: ['allowPrivateNetwork', 'nodeId'],
        failureKey: preview,
        run: async (values, { form }) => {
          const fingerprints = form.getAll('fingerprint').map(String);
          const pinned = await caller.platform.peer.pin({
            ...onPeer(values),
            nodeId: values.nodeId,
            fingerprints,
          });
          return back('pinned', pinned.nodeId);
        },
      }),
      allow: intent({
        keep: ['nodeId'],
        failureKey: ofNode('allow'),
        run: async (values, { form }) => {
          await caller.platform.peer.setAllowances({
            nodeId: values.nodeId,
            orgIds: form.getAll('orgId').map(String),
          });
          return back('allowed', values.nodeId);
        },
      }),
      unpin: intent({
        keep: ['nodeId'],
        failureKey: ofNode('unpin'),
        run: async (values) => {
          await caller.platform.peer.unpin({ nodeId: values.nodeId });
          return back('unpinned', values.nodeId);
        },
      }),
    },
    { done: () => platformPaths.peers, redirectFor: platformRedirectFor },
  );
}

type Preview = {
  url: string;
  allowPrivateNetwork: boolean;
  preview: { nodeId: string; name: string; baseUrl: string; keys: { kid: string; fingerprint: string }[] };
};
const previewOf = (actionData: unknown): Preview | undefined =>
  typeof actionData === 'object' && actionData !== null && 'preview' in actionData
    ? (actionData as Preview)
    : undefined;

export default function PlatformPeers({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { peers, districts, operatorName, confirmUnpin, done, doneNode } = loaderData;
  const previewFailure = failureOf(actionData, 'preview');
  const error = useFieldError(previewFailure?.errors);
  const shown = previewOf(actionData);
  const failure = shown ? undefined : (actionData as IntentFailure | undefined);
  const unpinning = confirmUnpin ? peers.find((peer) => peer.nodeId === confirmUnpin) : undefined;
  const districtName = (d: (typeof districts)[number]) => (locale === 'en' ? d.nameEn : d.nameZh);
  return (
    <PlatformShell title={t('platform.peers_title')} signedIn operatorName={operatorName}>
      <FormErrorSummary
        errors={failure?.errors}
        fields={previewFailure ? [{ name: 'url', label: t('platform.peer_url'), id: 'peer-url' }] : []}
      />
      {done && doneNode && !actionData ? (
        <Alert tone="success">
          <p>{t(`platform.peer_done_${done}`, { nodeId: doneNode })}</p>
        </Alert>
      ) : null}
      <h1>{t('platform.peers_title')}</h1>
      <p className="admin-lead">{t('platform.peers_intro')}</p>

      {shown ? (
        <section className="admin-panel admin-panel--warning" aria-labelledby="confirm-pin-heading">
          <h2 id="confirm-pin-heading">{t('platform.peer_confirm_heading', { name: shown.preview.name })}</h2>
          <p>{t('platform.peer_confirm_body')}</p>
          <dl className="admin-details">
            <dt>{t('platform.peer_node_id')}</dt>
            <dd>
              <code>{shown.preview.nodeId}</code>
            </dd>
            <dt>{t('platform.peer_base_url')}</dt>
            <dd>
              <code>{shown.preview.baseUrl}</code>
            </dd>
            {shown.preview.keys.map((key) => (
              <div key={key.kid}>
                <dt>{t('platform.peer_key', { kid: key.kid })}</dt>
                <dd>
                  {t('platform.peer_fingerprint')}: <code data-fingerprint>{key.fingerprint}</code>
                </dd>
              </div>
            ))}
          </dl>
          <div className="admin-action-row">
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="intent" value="pin" />
              <input type="hidden" name="url" value={shown.url} />
              <input type="hidden" name="nodeId" value={shown.preview.nodeId} />
              {shown.allowPrivateNetwork ? (
                <input type="hidden" name="allowPrivateNetwork" value="on" />
              ) : null}
              {shown.preview.keys.map((key) => (
                <input key={key.kid} type="hidden" name="fingerprint" value={key.fingerprint} />
              ))}
              <Button type="submit">{t('platform.peer_confirm_submit')}</Button>
            </Form>
            <Link className="lj-button lj-button--secondary" to={platformPaths.peers}>
              {t('platform.cancel')}
            </Link>
          </div>
        </section>
      ) : (
        <Form method="post" className="lj-form" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="preview" />
          <h2>{t('platform.peer_add_heading')}</h2>
          <TextField
            id="peer-url"
            name="url"
            type="url"
            label={t('platform.peer_url')}
            hint={t('platform.peer_url_hint')}
            defaultValue={previewFailure?.values.url}
            error={error('url')}
            maxLength={500}
            autoComplete="off"
            spellCheck={false}
            required
          />
          <Checkbox
            name="allowPrivateNetwork"
            label={t('platform.peer_allow_private')}
            defaultChecked={previewFailure?.values.allowPrivateNetwork === 'on'}
          />
          <Button type="submit">{t('platform.peer_preview_submit')}</Button>
        </Form>
      )}

      {unpinning ? (
        <section
          className="admin-panel admin-panel--warning"
          id="confirm"
          aria-labelledby="confirm-unpin-heading"
          tabIndex={-1}
        >
          <h2 id="confirm-unpin-heading">
            {t('platform.peer_unpin_confirm_title', { name: unpinning.name })}
          </h2>
          <p>{t('platform.peer_unpin_confirm_body')}</p>
          <div className="admin-action-row">
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="intent" value="unpin" />
              <input type="hidden" name="nodeId" value={unpinning.nodeId} />
              <Button type="submit" className="admin-button--danger-solid">
                {t('platform.peer_unpin_submit', { name: unpinning.name })}
              </Button>
            </Form>
            <Link className="lj-button lj-button--secondary" to={platformPaths.peers}>
              {t('platform.cancel')}
            </Link>
          </div>
        </section>
      ) : null}

      <h2>{t('platform.peers_caption')}</h2>
      {peers.length === 0 ? <p>{t('platform.no_peers')}</p> : null}
      {peers.map((peer) => (
        <section
          key={peer.nodeId}
          className="admin-panel"
          aria-labelledby={`peer-${peer.nodeId}`}
          aria-current={peer.nodeId === doneNode ? 'true' : undefined}
        >
          <h3 id={`peer-${peer.nodeId}`}>
            {peer.name} <code>{peer.nodeId}</code>
          </h3>
          <dl className="admin-details">
            <dt>{t('platform.peer_base_url')}</dt>
            <dd>
              <code>{peer.baseUrl}</code>
            </dd>
            <dt>{t('platform.peer_keys')}</dt>
            <dd>
              {peer.keys.map((key) => (
                <span key={key.kid} className="admin-block">
                  <code>{key.fingerprint}</code>
                </span>
              ))}
            </dd>
            <dt>{t('platform.peer_pinned_at')}</dt>
            <dd>{formatDate(locale, peer.pinnedAt)}</dd>
            <dt>{t('platform.peer_pinned_by')}</dt>
            <dd>{peer.pinnedBy ?? '—'}</dd>
          </dl>
          <Form method="post" className="lj-form">
            <CsrfField />
            <input type="hidden" name="intent" value="allow" />
            <input type="hidden" name="nodeId" value={peer.nodeId} />
            <Fieldset legend={t('platform.peer_allow_legend', { name: peer.name })}>
              {districts.map((district) => (
                <Checkbox
                  key={district.slug}
                  name="orgId"
                  value={district.slug}
                  label={`${districtName(district)} (${district.slug})`}
                  defaultChecked={peer.allowed.includes(district.slug)}
                />
              ))}
            </Fieldset>
            <Button type="submit" variant="secondary">
              {t('platform.peer_allow_submit')}
            </Button>
          </Form>
          <Link to={`?unpin=${encodeURIComponent(peer.nodeId)}#confirm`}>
            {t('platform.peer_unpin', { nodeId: peer.nodeId })}
          </Link>
        </section>
      ))}
    </PlatformShell>
  );
}

export { PlatformErrorBoundary as ErrorBoundary } from '../components/page-shell.tsx';
