/**
 * A chart the server drew (`lib/chart-svg.server.ts`), as an image labelled for screen readers;
 * the page's tables carry the same figures.
 */
export function StatisticsChart({ label, svg }: { label: string; svg: string }) {
  return (
    <figure className="admin-chart">
      {/* The renderer escapes every text it draws (unit names come from the district's own data). */}
      <div
        className="admin-chart__canvas"
        role="img"
        aria-label={label}
        dangerouslySetInnerHTML={{ __html: svg }}
      />
    </figure>
  );
}
