/**
 * Posting hours (pure): an optional daily window, in a time zone, outside which items wait.
 * Uses the Intl API (the time zone database shipped with Node), so daylight saving is handled.
 */

export interface PostingHours {
  /** "08:00": first minute posts may go out. */
  readonly from: string;
  /** "21:00": posts stop at this minute; a window may wrap past midnight (22:00–06:00). */
  readonly to: string;
  /** IANA name, e.g. "Europe/Paris". */
  readonly timeZone: string;
}

export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isValidTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Minutes since midnight of `now` on the wall clock of `timeZone`. */
export function minutesInZone(now: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part("hour") * 60 + part("minute");
}

export function isWithinPostingHours(hours: PostingHours, now: Date): boolean {
  const minutes = minutesInZone(now, hours.timeZone);
  const from = minutesOf(hours.from);
  const to = minutesOf(hours.to);
  if (from === to) return true;
  return from < to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
}

/** The next minute at which the window opens (within two days; DST shifts included). */
export function nextOpening(hours: PostingHours, now: Date): Date | undefined {
  const start = Math.floor(now.getTime() / 60_000) * 60_000;
  for (let minute = 1; minute <= 2 * 24 * 60; minute++) {
    const at = new Date(start + minute * 60_000);
    if (isWithinPostingHours(hours, at)) return at;
  }
  return undefined;
}

export function describePostingHours(hours: PostingHours): string {
  return `${hours.from}–${hours.to} ${hours.timeZone}`;
}

function minutesOf(clock: string): number {
  const [hours = 0, minutes = 0] = clock.split(":").map(Number);
  return hours * 60 + minutes;
}
