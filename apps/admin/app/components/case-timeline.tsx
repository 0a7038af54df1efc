import {
  actorLabel,
  caseEventLabel,
  caseLinkKindLabel,
  caseStatusLabel,
  consentPurposeLabel,
  formatDateTime,
  type Locale,
  referralKindLabel,
  referralStatusLabel,
  translate,
} from '@linju/i18n';
import { CitedText, type MarkedCitation, useLocale, useTranslate } from '@linju/ui';
import { JOINT_CONSULTATION_EVENT } from '@linju/vocabulary';
import type { ReactNode } from 'react';
import { Form, useFormAction } from 'react-router';
import { type NamedService, serviceName } from '../lib/service-name.ts';
import { type CasePageData, useCasePage, useOrganisationName } from './case-page.tsx';
import { CsrfField } from './csrf-field.tsx';
import { useTenantShell } from './tenant-shell.ts';

type TimelineEntry = CasePageData['case']['timeline'][number];

/** What the entry's data says, as a word or a name; null for anything else. */
const str = (v: unknown) => (typeof v === 'string' ? v : null);
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

/** The entry's title: its step by name (named by the loader, a plugin's in its own messages), else its kind. */
function entryTitle(e: TimelineEntry, locale: Locale): string {
  return e.step?.[locale] ?? caseEventLabel(locale, e.kind);
}

/**
 * What happened, beyond the entry's kind: the move, the unit, the person, the partner and the
 * referral's new state, the services and people of a joint consultation. Null when the kind
 * says it all (its text, if any, follows).
 */
function entryDetail(
  e: TimelineEntry,
  locale: Locale,
  orgName: (id: string | null | undefined) => string,
  services: readonly NamedService[],
): ReactNode {
  const data = e.data as Record<string, unknown>;
  if (e.kind === 'status' && str(data.to)) {
    return `${caseStatusLabel(locale, str(data.from) ?? '')} → ${caseStatusLabel(locale, str(data.to) ?? '')}`;
  }
  if (e.kind === 'transferred') {
    return `${orgName(str(data.fromOrganisationId))} → ${orgName(str(data.toOrganisationId))}`;
  }
  if (e.kind === 'assigned') return str(data.assigneeName);
  if (e.kind === 'triaged' && str(data.serviceType))
    return serviceName(services, str(data.serviceType) ?? '', locale);
  if (e.kind === 'document') return str(data.fileName);
  if (e.kind === 'linked' && str(data.kind)) {
    return `${caseLinkKindLabel(locale, str(data.kind) ?? '')} · ${str(data.from) ?? ''} → ${str(data.to) ?? ''}`;
  }
  if (e.kind === JOINT_CONSULTATION_EVENT && Array.isArray(data.services)) {
    const joined = strings(data.services)
      .map((id) => serviceName(services, id, locale))
      .join('、');
    return `${joined} · ${translate(locale, 'casePage.joint_consultation_attendees')}：${strings(data.attendees).join('、')}`;
  }
  if (e.kind === 'referral' && str(data.purpose) && str(data.partnerOrganisationId)) {
    // The resident's consent to share with the partner, recorded before the referral is sent.
    return `${consentPurposeLabel(locale, str(data.purpose) ?? '')} · ${orgName(str(data.partnerOrganisationId))}`;
  }
  if (e.kind === 'referral' && str(data.partnerOrganisationId)) {
    // A note to or from the partner (spec: `note`): whose it is; its text follows as the entry's text.
    if (data.event === 'note') {
      const whose =
        data.party === 'receiver'
          ? 'casePage.referral_note_from_partner'
          : 'casePage.referral_note_to_partner';
      return `${translate(locale, whose)} · ${orgName(str(data.partnerOrganisationId))}`;
    }
    const kind = str(data.referralKind);
    const state = str(data.status);
    const partner = orgName(str(data.partnerOrganisationId));
    return [
      // Without the referral's kind (a one-time link issued) the partner alone: no bare "→ partner".
      kind ? `${referralKindLabel(locale, kind)} → ${partner}` : partner,
      state ? referralStatusLabel(locale, state) : null,
    ]
      .filter(Boolean)
      .join(' · ');
  }
  return null;
}

/** The citations of the timeline's texts, by entry, once checked on request. */
export type TimelineCitations = readonly { seq: number; citations: readonly MarkedCitation[] }[];

/** Asks the server to check the timeline's statute citations; the answer lands back on the timeline. */
function CheckCitationsButton() {
  const t = useTranslate();
  return (
    <Form method="post" action={`${useFormAction()}#timeline-heading`} className="admin-inline-form">
      <CsrfField />
      <input type="hidden" name="intent" value="citations" />
      <button type="submit" className="lj-button lj-button--secondary admin-button--small">
        {t('casePage.check_citations')}
      </button>
    </Form>
  );
}

/** What the check found, in words: how many citations, how many not confirmed. */
function CitationsChecked({ checked }: { checked: TimelineCitations }) {
  const t = useTranslate();
  const all = checked.flatMap((entry) => entry.citations);
  const wrong = all.filter((c) => c.verdict !== 'valid').length;
  return (
    <p role="status">
      {all.length === 0
        ? t('casePage.citations_none')
        : t('casePage.citations_checked', { count: all.length, wrong })}
    </p>
  );
}

/**
 * The case's history, newest last: who did what, when, and what it changed. Its texts' statute
 * citations are checked on request (`citations`, the check's answer), each then marked in place.
 */
export function CaseTimeline({ citations }: { citations?: TimelineCitations | undefined }) {
  const t = useTranslate();
  const locale = useLocale();
  const orgName = useOrganisationName();
  const { services } = useTenantShell();
  const { case: c } = useCasePage();
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('casePage.timeline_heading')}</h2>
      <CheckCitationsButton />
      {citations ? <CitationsChecked checked={citations} /> : null}
      <ol className="admin-timeline">
        {c.timeline.map((e) => {
          const detail = entryDetail(e, locale, orgName, services);
          const cited = citations?.find((entry) => entry.seq === e.seq)?.citations;
          return (
            <li key={e.seq}>
              <p className="admin-timeline__head">
                <strong>{entryTitle(e, locale)}</strong> · {actorLabel(locale, e.actorName)} ·{' '}
                <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(locale, e.at)}</time>
              </p>
              {detail ? <p>{detail}</p> : null}
              {e.text ? (
                <p className="admin-prewrap">
                  {cited ? <CitedText text={e.text} citations={cited} /> : e.text}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
