import { describe, expect, it } from 'vitest';
import { renderChartSvg } from './chart-svg.server.ts';

describe('charts drawn on the server', () => {
  const trend = renderChartSvg({
    categories: ['1月', '2月', '3月'],
    series: [
      { name: '受理', kind: 'bar', values: [12, 30, 21] },
      { name: '按时办结率', kind: 'line', rate: true, values: [80, null, 95.5] },
    ],
  });

  it('are SVG that scales to its column, with the series named in the legend', () => {
    expect(trend.startsWith('<svg')).toBe(true);
    expect(trend).toMatch(/viewBox="0 0 720 320"/);
    expect(trend).toContain('受理');
    expect(trend).toContain('按时办结率');
    expect(trend).toContain('100%');
  });

  it('escape the names they draw: a unit named like markup stays text', () => {
    const svg = renderChartSvg({
      horizontal: true,
      categories: ['<script>alert(1)</script>', '徐家汇街道'],
      series: [{ name: '受理', kind: 'bar', values: [3, 4] }],
    });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });

  it('give every unit its own row, however many there are', () => {
    const units = Array.from({ length: 40 }, (_, i) => `第${i + 1}居委会`);
    const svg = renderChartSvg({
      horizontal: true,
      categories: units,
      series: [{ name: '受理', kind: 'bar', values: units.map((_, i) => i) }],
    });
    expect(svg).toMatch(/viewBox="0 0 720 1180"/);
    expect(svg).toContain('第40居委会');
  });
});
