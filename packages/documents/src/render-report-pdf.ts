import { PDFDocument, type PDFFont, type PDFPage, rgb } from '@cantoo/pdf-lib';
import { embedCjkFonts } from './embed-cjk-fonts.ts';
import { wrapText } from './wrap-text.ts';

/** A figure report's content: what it says; `renderReportPdf` decides how it looks. */
export type ReportBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  /** A table; the first column is a label, the others are figures (right-aligned). */
  | { kind: 'table'; columns: string[]; rows: string[][] }
  /** Bars, one per category (e.g. cases received per unit). */
  | { kind: 'bar-chart'; title: string; categories: string[]; values: number[] }
  /** Lines over time (e.g. received and resolved per month). */
  | {
      kind: 'line-chart';
      title: string;
      categories: string[];
      series: { name: string; values: (number | null)[] }[];
    };

export type ReportDocument = {
  title: string;
  subtitle?: string;
  language: string;
  blocks: ReportBlock[];
};

// A4 portrait in PDF points, narrower margins than a letter: tables need the width.
const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGIN = { x: 48, top: 56, bottom: 56 } as const;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.45, 0.45, 0.5);
const RULE = rgb(0.82, 0.82, 0.85);
/** The admin app's chart colours (ECharts' default palette), so the PDF and the screen agree. */
const PALETTE = [rgb(0.33, 0.44, 0.78), rgb(0.57, 0.8, 0.46), rgb(0.98, 0.78, 0.35), rgb(0.93, 0.4, 0.4)];
const CHART = { height: 170, label: 9 } as const;

class ReportLayout {
  page: PDFPage;
  y: number;
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
  /** Starts a new page unless `height` still fits on this one. */
  room(height: number) {
    if (this.y - height < MARGIN.bottom) {
      this.page = this.pdf.addPage([PAGE.width, PAGE.height]);
      this.y = PAGE.height - MARGIN.top;
    }
  }
  text(text: string, x: number, y: number, size: number, font = this.regular, color = INK) {
    this.page.drawText(text, { x, y, size, font, color });
  }
  /** Fits a label into a width, cutting it with an ellipsis. */
  fit(text: string, width: number, size: number, font = this.regular) {
    if (font.widthOfTextAtSize(text, size) <= width) return text;
    let cut = text.length;
    while (cut > 1 && font.widthOfTextAtSize(`${text.slice(0, cut)}…`, size) > width) cut--;
    return `${text.slice(0, cut)}…`;
  }
}

/** Round axis steps (1, 2, 5 × 10ⁿ) so the gridlines read as whole figures. */
export function niceMax(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 1 };
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const whole = Math.max(1, Math.round(step));
  return { top: Math.ceil(max / whole) * whole, step: whole };
}

const formatAxis = (n: number) => (n >= 10_000 ? `${Math.round(n / 1000) / 10}万` : String(n));

/** The value axis and its gridlines; returns the plot's inner box. */
function drawAxes(layout: ReportLayout, title: string, max: number) {
  layout.room(CHART.height + 40);
  layout.y -= 18;
  layout.text(title, MARGIN.x, layout.y, 11, layout.bold);
  const top = layout.y - 10;
  const bottom = top - CHART.height + 24;
  const left = MARGIN.x + 36;
  const right = MARGIN.x + layout.width;
  const { top: axisTop, step } = niceMax(max);
  for (let v = 0; v <= axisTop; v += step) {
    const y = bottom + ((top - bottom) * v) / axisTop;
    layout.page.drawLine({ start: { x: left, y }, end: { x: right, y }, thickness: 0.5, color: RULE });
    const label = formatAxis(v);
    const w = layout.regular.widthOfTextAtSize(label, CHART.label);
    layout.text(label, left - 4 - w, y - 3, CHART.label, layout.regular, MUTED);
  }
  layout.y = bottom - 20;
  return { top, bottom, left, right, axisTop };
}

function drawCategoryLabels(
  layout: ReportLayout,
  categories: string[],
  left: number,
  slot: number,
  y: number,
) {
  // Every label when they fit, otherwise every n-th, so they never overlap.
  const every = Math.max(1, Math.ceil(34 / slot));
  categories.forEach((c, i) => {
    if (i % every !== 0) return;
    const label = layout.fit(c, slot * every - 2, CHART.label);
    const w = layout.regular.widthOfTextAtSize(label, CHART.label);
    layout.text(label, left + slot * i + (slot - w) / 2, y - 12, CHART.label, layout.regular, MUTED);
  });
}

function drawBarChart(layout: ReportLayout, block: Extract<ReportBlock, { kind: 'bar-chart' }>) {
  const box = drawAxes(layout, block.title, Math.max(0, ...block.values));
  const slot = (box.right - box.left) / Math.max(1, block.categories.length);
  const barWidth = Math.min(28, slot * 0.6);
  block.values.forEach((v, i) => {
    const height = ((box.top - box.bottom) * v) / box.axisTop;
    const x = box.left + slot * i + (slot - barWidth) / 2;
    if (height > 0)
      layout.page.drawRectangle({ x, y: box.bottom, width: barWidth, height, color: PALETTE[0] });
    const label = String(v);
    const w = layout.regular.widthOfTextAtSize(label, 8);
    if (slot > w + 2) layout.text(label, x + (barWidth - w) / 2, box.bottom + height + 2, 8);
  });
  drawCategoryLabels(layout, block.categories, box.left, slot, box.bottom);
}

function drawLineChart(layout: ReportLayout, block: Extract<ReportBlock, { kind: 'line-chart' }>) {
  const all = block.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const box = drawAxes(layout, block.title, Math.max(0, ...all));
  const slot = (box.right - box.left) / Math.max(1, block.categories.length);
  const at = (i: number, v: number) => ({
    x: box.left + slot * i + slot / 2,
    y: box.bottom + ((box.top - box.bottom) * v) / box.axisTop,
  });
  block.series.forEach((s, n) => {
    const color = PALETTE[n % PALETTE.length] ?? INK;
    let last: { x: number; y: number } | null = null;
    s.values.forEach((v, i) => {
      if (v === null) {
        last = null;
        return;
      }
      const point = at(i, v);
      if (last) layout.page.drawLine({ start: last, end: point, thickness: 1.5, color });
      layout.page.drawCircle({ x: point.x, y: point.y, size: 2.2, color });
      last = point;
    });
    // The legend, above the plot's right end.
    const lx = box.right - 90 * (block.series.length - n);
    layout.page.drawRectangle({ x: lx, y: box.top + 12, width: 10, height: 4, color });
    layout.text(layout.fit(s.name, 74, CHART.label), lx + 14, box.top + 10, CHART.label);
  });
  drawCategoryLabels(layout, block.categories, box.left, slot, box.bottom);
}

function drawTable(layout: ReportLayout, block: Extract<ReportBlock, { kind: 'table' }>) {
  const size = 8.5;
  const rowHeight = 15;
  const first = Math.min(150, layout.width * 0.3);
  const rest = (layout.width - first) / Math.max(1, block.columns.length - 1);
  const widths = block.columns.map((_, i) => (i === 0 ? first : rest));
  const drawRow = (cells: string[], font: PDFFont, shade: boolean) => {
    layout.room(rowHeight);
    layout.y -= rowHeight;
    if (shade)
      layout.page.drawRectangle({
        x: MARGIN.x,
        y: layout.y - 4,
        width: layout.width,
        height: rowHeight,
        color: rgb(0.95, 0.95, 0.97),
      });
    let x = MARGIN.x;
    cells.forEach((cell, i) => {
      const w = widths[i] ?? rest;
      const text = layout.fit(cell, w - 4, size, font);
      const tw = font.widthOfTextAtSize(text, size);
      // Labels left, figures right: columns of numbers line up.
      layout.text(text, i === 0 ? x + 2 : x + w - 2 - tw, layout.y, size, font);
      x += w;
    });
  };
  drawRow(block.columns, layout.bold, true);
  for (const row of block.rows) drawRow(row, layout.regular, false);
  layout.page.drawLine({
    start: { x: MARGIN.x, y: layout.y - 5 },
    end: { x: MARGIN.x + layout.width, y: layout.y - 5 },
    thickness: 0.5,
    color: RULE,
  });
  layout.y -= 8;
}

/**
 * Renders a figure report (statistics 月报/季报) to PDF: headings, paragraphs, tables and charts
 * drawn with pdf-lib's own lines and rectangles from the same figures as the tables (pdf-lib
 * cannot place an SVG, and drawing from the figures keeps the chart exact and the file small).
 * Noto Sans SC is embedded as a subset, so the Chinese text can be searched and extracted.
 */
export async function renderReportPdf(
  document: ReportDocument,
  options: { createdAt?: Date } = {},
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const [regular, bold] = await embedCjkFonts(pdf, ['sans-regular', 'sans-bold']);
  pdf.setTitle(document.title);
  pdf.setLanguage(document.language);
  pdf.setProducer('Linju');
  pdf.setCreator('Linju');
  const createdAt = options.createdAt ?? new Date(0);
  pdf.setCreationDate(createdAt);
  pdf.setModificationDate(createdAt);

  const layout = new ReportLayout(pdf, regular, bold);
  const center = (text: string, size: number, font: PDFFont) =>
    layout.text(text, (PAGE.width - font.widthOfTextAtSize(text, size)) / 2, layout.y, size, font);
  layout.y -= 20;
  center(document.title, 18, bold);
  if (document.subtitle) {
    layout.y -= 20;
    center(document.subtitle, 10, regular);
  }
  layout.y -= 12;
  for (const block of document.blocks) {
    switch (block.kind) {
      case 'heading':
        layout.room(40);
        layout.y -= 24;
        layout.text(block.text, MARGIN.x, layout.y, 13, bold);
        layout.y -= 4;
        break;
      case 'paragraph':
        for (const line of wrapText(`\u3000\u3000${block.text}`, regular, 10.5, layout.width)) {
          layout.room(17);
          layout.y -= 17;
          layout.text(line, MARGIN.x, layout.y, 10.5);
        }
        break;
      case 'table':
        drawTable(layout, block);
        break;
      case 'bar-chart':
        drawBarChart(layout, block);
        break;
      case 'line-chart':
        drawLineChart(layout, block);
        break;
    }
  }
  return pdf.save();
}
