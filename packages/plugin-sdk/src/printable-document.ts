/**
 * A document a plugin produces from a case (a mediation agreement, a legal-aid decision), as
 * content only: the platform lays it out and renders it (a PDF in the layout of official documents,
 * GB/T 9704, with embedded CJK serif fonts), so a plugin needs no rendering library and every
 * document looks the same.
 */
export interface PrintableDocument {
  /** The document's title, printed at the top and stored in the PDF's metadata. */
  readonly title: string;
  /** A line under the title, such as the case number (`XH-2026-000123`). */
  readonly reference?: string;
  readonly blocks: readonly DocumentBlock[];
  /** The language of the text, for the PDF's metadata. */
  readonly language: 'zh-CN' | 'en';
}

export type DocumentBlock =
  /** A section heading ("一、纠纷事实"). */
  | { readonly kind: 'heading'; readonly text: string }
  /** Running text, wrapped to the page. */
  | { readonly kind: 'paragraph'; readonly text: string }
  /** A numbered list of clauses (the agreement's terms). */
  | { readonly kind: 'clauses'; readonly items: readonly string[] }
  /** Label–value lines ("申请人：陈建国"). */
  | { readonly kind: 'fields'; readonly items: readonly { readonly label: string; readonly value: string }[] }
  /** Lines left for signatures, one per signer, with the role before the name. */
  | {
      readonly kind: 'signatures';
      readonly signers: readonly { readonly role: string; readonly name: string }[];
    }
  /** The issuer and the date at the foot (落款), right-aligned; `date` is ISO (`YYYY-MM-DD`). */
  | { readonly kind: 'closing'; readonly issuer: string; readonly date: string };

/** An ISO date (`2026-12-06`) as a document writes it in its language: 2026年12月6日 in Chinese. */
export function documentDate(date: string, language: PrintableDocument['language']): string {
  const [year, month, day] = date.split('-').map(Number);
  return language === 'zh-CN' ? `${year}年${month}月${day}日` : date;
}
