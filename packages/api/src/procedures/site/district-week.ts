/** A day as `YYYY-MM-DD` in the district's time zone (en-CA formats dates that way). */
export function dayIn(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/**
 * The district's current week, Monday first: each ISO weekday with its date, so a weekly duty
 * slot reads as a day a resident can come. Computed on calendar dates, not instants, so a
 * daylight-saving change anywhere cannot shift a day.
 */
export function weekOf(today: string) {
  const date = new Date(`${today}T00:00:00Z`);
  const weekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
  return [1, 2, 3, 4, 5, 6, 7].map((day) => {
    const at = new Date(date.getTime() + (day - weekday) * 86_400_000);
    return { weekday: day, date: at.toISOString().slice(0, 10) };
  });
}
