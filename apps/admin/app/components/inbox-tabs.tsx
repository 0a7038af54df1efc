import { type MessageKey, REFERRAL_KINDS, referralKindLabel } from '@linju/i18n';
import { Button, SelectField, TextField, useLocale, useTranslate } from '@linju/ui';
import { Form, Link } from 'react-router';
import { INBOX_TABS, type InboxQuery, type InboxTab, inboxSearch, isFiltered } from '../lib/inbox-filters.ts';
import { organisationName } from '../lib/organisation-tree.ts';

const TAB_LABEL: Readonly<Record<InboxTab, MessageKey>> = {
  pending: 'referrals.tab_pending',
  answered: 'referrals.tab_answered',
  all: 'referrals.tab_all',
};

/**
 * The partner's inbox above its referrals: the tabs 待处理 / 已答复 / 全部 with their counts under
 * the filters, and the filters (kind, the unit that asked, the days it arrived) as a GET form that
 * keeps the tab. Links and a GET form, so it works without JavaScript.
 */
export function InboxTabsAndFilters({
  view,
}: {
  view: {
    query: InboxQuery;
    errors: Partial<Record<'from' | 'until', MessageKey>>;
    counts: Record<InboxTab, number>;
    senders: readonly { id: string; nameZh: string; nameEn: string }[];
  };
}) {
  const t = useTranslate();
  const locale = useLocale();
  const { query, errors, counts, senders } = view;
  const error = (field: 'from' | 'until') => (errors[field] ? t(errors[field]) : undefined);
  return (
    <>
      <nav className="admin-tabs" aria-label={t('referrals.inbox_states')}>
        <ul>
          {INBOX_TABS.map((tab) => (
            <li key={tab}>
              <Link to={inboxSearch(query, tab)} aria-current={tab === query.tab ? 'page' : undefined}>
                {t(TAB_LABEL[tab])} <span className="admin-tabs__count">{counts[tab]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Form
        method="get"
        className="lj-form admin-filters admin-filters--bar"
        aria-label={t('referrals.filters')}
      >
        <input type="hidden" name="tab" value={query.tab} />
        <SelectField name="kind" id="inbox-kind" label={t('referrals.filter_kind')} defaultValue={query.kind}>
          <option value="">{t('referrals.filter_any_kind')}</option>
          {REFERRAL_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {referralKindLabel(locale, kind)}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="sender"
          id="inbox-sender"
          label={t('referrals.filter_sender')}
          defaultValue={query.sender}
        >
          <option value="">{t('referrals.filter_any_sender')}</option>
          {senders.map((sender) => (
            <option key={sender.id} value={sender.id}>
              {organisationName(sender, locale)}
            </option>
          ))}
        </SelectField>
        <TextField
          type="date"
          name="from"
          id="inbox-from"
          label={t('referrals.filter_from')}
          defaultValue={query.from}
          error={error('from')}
        />
        <TextField
          type="date"
          name="until"
          id="inbox-until"
          label={t('referrals.filter_until')}
          defaultValue={query.until}
          error={error('until')}
        />
        <div className="admin-filters__actions">
          <Button type="submit" variant="secondary">
            {t('referrals.filter_submit')}
          </Button>
          {isFiltered(query) ? (
            <Link to={inboxSearch({ tab: query.tab, kind: '', sender: '', from: '', until: '' }, query.tab)}>
              {t('referrals.filter_clear')}
            </Link>
          ) : null}
        </div>
      </Form>
    </>
  );
}
