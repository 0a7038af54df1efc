import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

export interface ChartSeries {
  name: string;
  kind: 'bar' | 'line';
  values: (number | null)[];
  /** Plot on the right-hand axis (a rate, 0–100 %). */
  rate?: boolean;
}

export interface ChartSpec {
  categories: string[];
  series: ChartSeries[];
  /** Bars along the vertical axis, one row per category (units, many of them). */
  horizontal?: boolean;
}

const WIDTH = 720;

/**
 * A chart drawn on the server as SVG (Apache ECharts' server-side rendering): it is in the page
 * as sent, so it prints, works without JavaScript and costs the browser no chart library. Text is
 * escaped by the renderer; the SVG's viewBox lets CSS scale it to the column.
 */
export function renderChartSvg({ categories, series, horizontal = false }: ChartSpec): string {
  // A row per unit keeps names legible however many units a district has.
  const height = horizontal ? Math.max(200, 60 + categories.length * 28) : 320;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  const hasRate = series.some((s) => s.rate);
  const categoryAxis = { type: 'category' as const, data: categories };
  const valueAxes = [
    { type: 'value' as const, minInterval: 1 },
    ...(hasRate ? [{ type: 'value' as const, min: 0, max: 100, axisLabel: { formatter: '{value}%' } }] : []),
  ];
  chart.setOption({
    animation: false,
    legend: { top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 32, containLabel: true },
    xAxis: horizontal ? valueAxes[0] : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxes,
    series: series.map((s) => ({
      name: s.name,
      type: s.kind,
      data: s.values,
      ...(s.rate && !horizontal ? { yAxisIndex: 1 } : {}),
    })),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
