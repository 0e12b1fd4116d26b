/**
 * "Today" in the administration's own time zone: Vietnam is UTC+7, so a UTC date would be
 * yesterday every morning before 07:00. APP_TIME_ZONE overrides it.
 */
const timeZone = process.env.APP_TIME_ZONE || 'Asia/Ho_Chi_Minh';
// Throws at start-up for a zone name Intl does not know, before it could reach SQL.
const formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The same "today", as a SQL expression (the zone name is validated above, and quoted). */
export const TODAY_SQL = `((now() at time zone '${timeZone.replace(/'/g, "''")}')::date)`;

// Intl formatting costs microseconds, and list fields ask for today once per parent object.
let lastSecond = Number.NaN;
let lastToday = '';

export function today(now?: Date): string {
  if (now) return formatter.format(now);
  const second = Math.floor(Date.now() / 1000);
  if (second !== lastSecond) {
    lastToday = formatter.format(new Date(second * 1000));
    lastSecond = second;
  }
  return lastToday;
}

/** The day before a YYYY-MM-DD date. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
