import { PDFDocument, type PDFFont, type PDFPage, rgb } from '@cantoo/pdf-lib';
import { type DocumentBlock, documentDate, type PrintableDocument } from '@linju/plugin-sdk';
import { embedCjkFonts } from './embed-cjk-fonts.ts';
import { wrapText } from './wrap-text.ts';

export { wrapText } from './wrap-text.ts';

const MM = 72 / 25.4;
/**
 * The page of GB/T 9704 (党政机关公文格式): A4, top margin 37 mm, binding margin 28 mm, a text
 * block of 156 × 225 mm holding 22 lines of 三号 (16 pt) text; the title in 二号 (22 pt).
 */
const PAGE = { width: 210 * MM, height: 297 * MM } as const;
const BLOCK = { left: 28 * MM, top: 37 * MM, width: 156 * MM, height: 225 * MM } as const;
const BODY = { size: 16, leading: (225 * MM) / 22 } as const;
const TITLE = { size: 22, leading: 36 } as const;
const PAGE_NUMBER = { size: 14, below: 7 * MM } as const;
const BLACK = rgb(0, 0, 0);

type Fonts = { body: PDFFont; title: PDFFont; heading: PDFFont };

/** Lays the document out on the text block, top to bottom, starting a new page when one is full. */
class Layout {
  private page: PDFPage;
  private y: number;
  private readonly pdf: PDFDocument;
  readonly fonts: Fonts;
  constructor(pdf: PDFDocument, fonts: Fonts) {
    this.pdf = pdf;
    this.fonts = fonts;
    this.page = this.newPage();
    this.y = PAGE.height - BLOCK.top;
  }
  private newPage() {
    this.page = this.pdf.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - BLOCK.top;
    return this.page;
  }
  private room(height: number) {
    if (this.y - height < PAGE.height - BLOCK.top - BLOCK.height - 1) this.newPage();
  }
  /** One line; `align` right keeps `inset` from the block's right edge. */
  line(
    text: string,
    options: {
      font?: PDFFont;
      size?: number;
      leading?: number;
      indent?: number;
      align?: 'center' | 'right';
      inset?: number;
    } = {},
  ) {
    const font = options.font ?? this.fonts.body;
    const size = options.size ?? BODY.size;
    const leading = options.leading ?? BODY.leading;
    this.room(leading);
    this.y -= leading;
    const width = font.widthOfTextAtSize(text, size);
    const x =
      options.align === 'center'
        ? BLOCK.left + (BLOCK.width - width) / 2
        : options.align === 'right'
          ? BLOCK.left + BLOCK.width - (options.inset ?? 0) - width
          : BLOCK.left + (options.indent ?? 0);
    // The glyphs sit in the middle of their line (a CJK em box descends about an eighth below the baseline).
    this.page.drawText(text, { x, y: this.y + (leading - size) / 2 + size * 0.12, size, font, color: BLACK });
  }
  /** Wrapped text; lines after the first start at `hanging`. */
  wrapped(text: string, hanging = 0) {
    const { body } = this.fonts;
    const [first = '', ...rest] = wrapText(text, body, BODY.size, BLOCK.width);
    this.line(first);
    if (rest.length === 0) return;
    for (const line of wrapText(rest.join(''), body, BODY.size, BLOCK.width - hanging)) {
      this.line(line, { indent: hanging });
    }
  }
  gap(height: number) {
    this.y -= height;
  }
  get width() {
    return BLOCK.width;
  }
}

function drawBlock(layout: Layout, block: DocumentBlock, language: PrintableDocument['language']) {
  const { body, heading } = layout.fonts;
  const em = BODY.size;
  switch (block.kind) {
    case 'heading':
      // 一级标题 in 黑体.
      for (const text of wrapText(block.text, heading, em, layout.width))
        layout.line(text, { font: heading });
      return;
    case 'paragraph':
      // Paragraphs open with a two-character indent.
      for (const text of wrapText(`\u3000\u3000${block.text}`, body, em, layout.width)) layout.line(text);
      return;
    case 'clauses':
      block.items.forEach((item, number) => {
        const label = `${number + 1}. `;
        layout.wrapped(`\u3000\u3000${label}${item}`);
      });
      return;
    case 'fields':
      for (const { label, value } of block.items) {
        const head = `${label}：`;
        layout.wrapped(`${head}${value}`, body.widthOfTextAtSize(head, em));
      }
      return;
    case 'signatures': {
      layout.gap(em / 2);
      const names = block.signers.map((signer) => `${signer.role}：${signer.name}`);
      const widest = Math.max(...names.map((name) => body.widthOfTextAtSize(name, em)));
      for (const name of names) {
        // Padded with full-width spaces so every 签名 starts in one column.
        const pad = '　'.repeat(Math.max(0, Math.round((widest - body.widthOfTextAtSize(name, em)) / em)));
        const head = `${name}${pad}　　签名：`;
        // The signing line fills the rest of the text block.
        const room = layout.width - body.widthOfTextAtSize(head, em);
        const rule = '＿'.repeat(Math.max(4, Math.floor(room / body.widthOfTextAtSize('＿', em))));
        layout.line(`${head}${rule}`);
      }
      return;
    }
    case 'closing': {
      // GB/T 9704: the date ends four characters from the right, the issuer centred above it.
      const date = documentDate(block.date, language);
      const dateWidth = body.widthOfTextAtSize(date, em);
      const issuerWidth = body.widthOfTextAtSize(block.issuer, em);
      layout.gap(BODY.leading);
      layout.line(block.issuer, {
        align: 'right',
        inset: Math.max(0, 4 * em + (dateWidth - issuerWidth) / 2),
      });
      layout.line(date, { align: 'right', inset: 4 * em });
      return;
    }
  }
}

/** Page numbers as GB/T 9704 sets them: "— 1 —", odd pages on the right, even on the left. */
function numberPages(pdf: PDFDocument, font: PDFFont) {
  const y = PAGE.height - BLOCK.top - BLOCK.height - PAGE_NUMBER.below - PAGE_NUMBER.size;
  pdf.getPages().forEach((page, index) => {
    const text = `— ${index + 1} —`;
    const width = font.widthOfTextAtSize(text, PAGE_NUMBER.size);
    const x =
      index % 2 === 0 ? BLOCK.left + BLOCK.width - PAGE_NUMBER.size - width : BLOCK.left + PAGE_NUMBER.size;
    page.drawText(text, { x, y, size: PAGE_NUMBER.size, font, color: BLACK });
  });
}

/**
 * Renders a document as an official document (公文, GB/T 9704): the title in a large bold serif
 * (小标宋), the body in serif (仿宋's place), headings in 黑体, page numbers at the foot. The fonts
 * are embedded as subsets, so a few pages stay at tens of kilobytes and the Chinese text can be
 * searched and copied.
 */
export async function renderPdf(
  document: PrintableDocument,
  options: { createdAt?: Date } = {},
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const [body, title, heading] = await embedCjkFonts(pdf, ['serif-regular', 'serif-bold', 'sans-bold']);
  pdf.setTitle(document.title);
  pdf.setLanguage(document.language);
  pdf.setProducer('Linju');
  pdf.setCreator('Linju');
  const createdAt = options.createdAt ?? new Date();
  pdf.setCreationDate(createdAt);
  pdf.setModificationDate(createdAt);

  const layout = new Layout(pdf, { body, title, heading });
  for (const text of wrapText(document.title, title, TITLE.size, layout.width)) {
    layout.line(text, { font: title, size: TITLE.size, leading: TITLE.leading, align: 'center' });
  }
  if (document.reference) layout.line(document.reference, { align: 'right' });
  layout.gap(BODY.leading / 2);
  for (const block of document.blocks) drawBlock(layout, block, document.language);
  numberPages(pdf, body);
  return pdf.save();
}
