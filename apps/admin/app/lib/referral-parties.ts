import { type Locale, partyRoleLabel } from '@linju/i18n';

/** A party as a referral's subject names it (`ReferralSubject['parties']` of the API). */
type ReferralParty = { role: string; displayName: string; idNumber?: string; creditCode?: string };

/** The other parties a referral names, in one line: "被申请人 周某（110…）、第三人 某物业公司". */
export function referralPartiesText(parties: readonly ReferralParty[], locale: Locale): string {
  return parties
    .map((p) => {
      const identity = p.idNumber ?? p.creditCode;
      const named = `${partyRoleLabel(locale, p.role)} ${p.displayName}`;
      if (!identity) return named;
      return locale === 'en' ? `${named} (${identity})` : `${named}（${identity}）`;
    })
    .join(locale === 'en' ? '; ' : '、');
}
