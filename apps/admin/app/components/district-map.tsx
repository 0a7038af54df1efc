import type { ReactNode } from 'react';

/**
 * A plain map drawn here from coordinates the server projected (no map tiles, nothing fetched):
 * the district's boundary, when uploaded, under what the page draws on it.
 */
export function DistrictMap({
  width,
  height,
  boundary,
  label,
  legend,
  children,
}: {
  width: number;
  height: number;
  /** The boundary as an SVG path (`M…Z`), empty when the district has not uploaded one. */
  boundary: string;
  label: string;
  legend: string;
  children: ReactNode;
}) {
  return (
    <figure className="admin-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={label}
        className="admin-district-map"
        style={{ maxWidth: width }}
      >
        {boundary ? (
          <path d={boundary} fill="#eef2f7" fillRule="evenodd" stroke="#4b5563" strokeWidth={1} />
        ) : null}
        {children}
      </svg>
      <figcaption className="admin-muted">{legend}</figcaption>
    </figure>
  );
}
