import type { CasePartyParticulars } from '@linju/plugin-sdk';
import type { MediationDispute } from './intake-form.ts';

type Party = MediationDispute['parties'][number];

/** What the case records of a party beyond its name: opened for the agreement only (`revealParties`). */
export type RecordedParticulars = Pick<
  CasePartyParticulars,
  'name' | 'kind' | 'idNumber' | 'creditCode' | 'phone' | 'address'
>;

/**
 * The sex and birth date a citizen's 18-digit identity number (GB 11643) carries: the birth date
 * in digits 7–14, the sex in the parity of digit 17. `null` for anything else (an older 15-digit
 * number, a foreign passport).
 */
export function idNumberFacts(idNumber: string): { sex: '男' | '女'; born: string } | null {
  const match = /^\d{6}(\d{4})(\d{2})(\d{2})\d{2}(\d)[\dX]$/.exec(idNumber);
  if (!match) return null;
  const [, year, month, day, order] = match.map(Number) as number[];
  const date = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0));
  if (date.getUTCMonth() !== (month ?? 0) - 1 || date.getUTCDate() !== day) return null;
  return { sex: (order ?? 0) % 2 === 1 ? '男' : '女', born: `${year}年${month}月${day}日出生` };
}

/**
 * A party as the agreement names them (人民调解协议书): the name, then what the case records of
 * them — a person's sex and birth date (from the ID number), 公民身份号码, 住址, 联系电话; an
 * organisation's 统一社会信用代码, 住所, 联系电话 — so the parties can be told apart and reached.
 * The record is found by name; a phone given on the mediation form stands when the case has none.
 */
export function partyParticulars(party: Party, recorded: readonly RecordedParticulars[] = []): string {
  const record = recorded.find((r) => r.name === party.name);
  const phone = record?.phone ?? party.phone ?? null;
  const facts = record?.kind === 'person' && record.idNumber ? idNumberFacts(record.idNumber) : null;
  const organisation = record?.kind === 'organisation';
  return [
    party.name,
    ...(facts ? [facts.sex, facts.born] : []),
    ...(record?.idNumber ? [`公民身份号码：${record.idNumber}`] : []),
    ...(organisation && record.creditCode ? [`统一社会信用代码：${record.creditCode}`] : []),
    ...(record?.address ? [`${organisation ? '住所' : '住址'}：${record.address}`] : []),
    ...(phone ? [`联系电话：${phone}`] : []),
  ].join('，');
}
