/** The month of a district date, from its first moment to its last second (UTC+8). */
export function districtMonth(today: string): { from: Date; to: Date } {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const prefix = today.slice(0, 7);
  return {
    from: new Date(`${prefix}-01T00:00:00+08:00`),
    to: new Date(`${prefix}-${String(last).padStart(2, '0')}T23:59:59+08:00`),
  };
}
