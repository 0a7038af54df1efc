import type { DocumentBlock, PrintableDocument } from '@linju/plugin-sdk';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { cjkFont } from './cjk-font.ts';

// A4 in PDF points, with the margins of an ordinary official letter.
const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGIN = { x: 72, top: 72, bottom: 72 } as const;
const TEXT = { size: 12, leading: 20 } as const;
const BLACK = rgb(0, 0, 0);

/**
 * Wraps text to a width. Chinese breaks between any two characters; a run of Latin letters or
 * digits is kept whole where it fits, so numbers and names are not split.
 */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const tokens = paragraph.match(/[A-Za-z0-9.,:;%/@_-]+|\s+|./gu) ?? [];
    let line = '';
    for (const token of tokens) {
      const candidate = line + token;
      if (line === '' || font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      lines.push(line.trimEnd());
      line = token.trimStart();
      // A single token wider than the line (a very long number) is broken by character.
      while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** Lays out the document on A4 pages, top to bottom, starting a new page when one is full. */
class Layout {
  private page: PDFPage;
  private y: number;
  private readonly pdf: PDFDocument;
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  constructor(pdf: PDFDocument, regular: PDFFont, bold: PDFFont) {
    this.pdf = pdf;
    this.regular = regular;
    this.bold = bold;
    this.page = pdf.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - MARGIN.top;
  }
  get width() {
    return PAGE.width - 2 * MARGIN.x;
  }
  private room(height: number) {
    if (this.y - height < MARGIN.bottom) {
      this.page = this.pdf.addPage([PAGE.width, PAGE.height]);
      this.y = PAGE.height - MARGIN.top;
    }
  }
  line(
    text: string,
    options: { font?: PDFFont; size?: number; leading?: number; indent?: number; center?: boolean } = {},
  ) {
    const font = options.font ?? this.regular;
    const size = options.size ?? TEXT.size;
    const leading = options.leading ?? TEXT.leading;
    this.room(leading);
    this.y -= leading;
    const x = options.center
      ? (PAGE.width - font.widthOfTextAtSize(text, size)) / 2
      : MARGIN.x + (options.indent ?? 0);
    this.page.drawText(text, { x, y: this.y, size, font, color: BLACK });
  }
  gap(height: number) {
    this.y -= height;
  }
}

function drawBlock(layout: Layout, block: DocumentBlock) {
  const wrap = (text: string, indent = 0) => wrapText(text, layout.regular, TEXT.size, layout.width - indent);
  switch (block.kind) {
    case 'heading':
      layout.gap(6);
      layout.line(block.text, { font: layout.bold, size: 13, leading: 22 });
      return;
    case 'paragraph':
      // Chinese paragraphs open with a two-character indent.
      for (const text of wrap(`\u3000\u3000${block.text}`)) layout.line(text);
      return;
    case 'clauses':
      block.items.forEach((item, number) => {
        const label = `${number + 1}. `;
        const indent = layout.regular.widthOfTextAtSize(label, TEXT.size);
        wrap(item, indent).forEach((text, index) => {
          layout.line(index === 0 ? `${label}${text}` : text, { indent: index === 0 ? 0 : indent });
        });
      });
      return;
    case 'fields':
      for (const { label, value } of block.items) {
        for (const text of wrap(`${label}：${value}`)) layout.line(text);
      }
      return;
    case 'signatures':
      layout.gap(12);
      for (const signer of block.signers) {
        layout.line(`${signer.role}：${signer.name}　　　签名（盖章）：＿＿＿＿＿＿　　日期：＿＿＿＿`, {
          leading: 30,
        });
      }
      return;
  }
}

/**
 * Renders a document to PDF with Noto Sans SC embedded as a subset (only the glyphs used), so an
 * agreement of a few pages stays at tens of kilobytes and its Chinese text can be searched and
 * copied (the font carries its Unicode map).
 */
export async function renderPdf(
  document: PrintableDocument,
  options: { createdAt?: Date } = {},
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([
    pdf.embedFont(cjkFont('regular'), { subset: true }),
    pdf.embedFont(cjkFont('bold'), { subset: true }),
  ]);
  pdf.setTitle(document.title);
  pdf.setLanguage(document.language);
  pdf.setProducer('Linju');
  pdf.setCreator('Linju');
  const createdAt = options.createdAt ?? new Date();
  pdf.setCreationDate(createdAt);
  pdf.setModificationDate(createdAt);

  const layout = new Layout(pdf, regular, bold);
  layout.line(document.title, { font: bold, size: 20, leading: 32, center: true });
  if (document.reference) layout.line(document.reference, { size: 11, leading: 20, center: true });
  layout.gap(10);
  for (const block of document.blocks) drawBlock(layout, block);
  return pdf.save();
}
