/**
 * "Today" in the administration's own time zone: Vietnam is UTC+7, so a UTC date would be
 * yesterday every morning before 07:00. The zone is a setting (APP_TIME_ZONE, config.ts); the
 * server builds one clock from it, and services take that clock (src/edge/deps.ts).
 */
export interface Clock {
  /** Today as YYYY-MM-DD. */
  today(): string;
  /** The same day as a SQL expression of type date, for SQL that compares with it. */
  readonly todaySql: string;
}

/** The zone config.ts falls back on, and the one tests and the bench run the server with. */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Intl's formatter for the zone; throws a RangeError for a zone name Intl does not know. */
function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
}

/** Whether Intl knows the zone (config.ts refuses one it does not, before it could reach SQL). */
export function isTimeZone(timeZone: string): boolean {
  try {
    dayFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock read in `timeZone`; the zone is quoted into `todaySql`. */
export function clockIn(timeZone: string): Clock {
  const formatter = dayFormatter(timeZone);
  // Intl formatting costs microseconds, and list fields ask for today once per parent object.
  let lastSecond = Number.NaN;
  let lastToday = '';
  return {
    today() {
      const second = Math.floor(Date.now() / 1000);
      if (second !== lastSecond) {
        lastToday = formatter.format(new Date(second * 1000));
        lastSecond = second;
      }
      return lastToday;
    },
    todaySql: `((now() at time zone '${timeZone.replace(/'/g, "''")}')::date)`,
  };
}

const defaultClock = clockIn(DEFAULT_TIME_ZONE);

/**
 * Today in the default zone, for tests, scripts and the bench, which run the server with that
 * zone. The server's own code asks its clock instead (test/sql-owners.test.ts checks).
 */
export function today(): string {
  return defaultClock.today();
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
