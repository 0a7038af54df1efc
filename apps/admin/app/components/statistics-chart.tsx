import { useEffect, useRef } from 'react';

export interface ChartSeries {
  name: string;
  kind: 'bar' | 'line';
  values: (number | null)[];
  /** Plot on the right-hand axis (a rate, 0–100 %). */
  rate?: boolean;
}

export interface StatisticsChartProps {
  /** What the chart shows, for screen readers; the table below it has the same figures. */
  label: string;
  categories: string[];
  series: ChartSeries[];
  horizontal?: boolean;
}

/**
 * An Apache ECharts chart drawn in the browser only (SVG renderer, loaded on demand after
 * hydration). The server renders an empty, labelled figure; the page's tables carry the same
 * figures, so nothing is lost without JavaScript or to a screen reader.
 */
export function StatisticsChart({ label, categories, series, horizontal = false }: StatisticsChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let dispose = () => {};
    (async () => {
      const [core, charts, components, renderers] = await Promise.all([
        import('echarts/core'),
        import('echarts/charts'),
        import('echarts/components'),
        import('echarts/renderers'),
      ]);
      if (disposed || !box.current) return;
      core.use([
        charts.BarChart,
        charts.LineChart,
        components.GridComponent,
        components.TooltipComponent,
        components.LegendComponent,
        renderers.SVGRenderer,
      ]);
      const chart = core.init(box.current, null, { renderer: 'svg' });
      const hasRate = series.some((s) => s.rate);
      const categoryAxis = { type: 'category' as const, data: categories };
      const valueAxes = [
        { type: 'value' as const, minInterval: 1 },
        ...(hasRate
          ? [{ type: 'value' as const, min: 0, max: 100, axisLabel: { formatter: '{value}%' } }]
          : []),
      ];
      chart.setOption({
        // Figures appear at once: no motion for people who prefer none, and a screenshot or a
        // print taken right after the page loads shows the whole chart.
        animation: false,
        aria: { enabled: true, label: { description: label } },
        tooltip: { trigger: 'axis' },
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
      const resize = () => chart.resize();
      window.addEventListener('resize', resize);
      dispose = () => {
        window.removeEventListener('resize', resize);
        chart.dispose();
      };
    })();
    return () => {
      disposed = true;
      dispose();
    };
  }, [label, categories, series, horizontal]);
  return (
    <figure className="admin-chart">
      <div ref={box} className="admin-chart__canvas" role="img" aria-label={label} />
    </figure>
  );
}
