/**
 * Time zone arithmetic for calendars and agenda pages, on Node's own time zone data (Intl): which
 * IANA zone a calendar's TZID names (IANA, a Windows name from Outlook or Exchange, or an IANA name
 * behind a path prefix), a wall-clock time in a zone → its instant, and an instant → ISO 8601 with
 * the zone's offset. Pure: no I/O, nothing depends on the machine's zone.
 */
import { WINDOWS_ZONES } from "./windows-zones.js";

/** A wall-clock time, months 1–12. */
export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat | undefined>();

function formatterOf(zone: string): Intl.DateTimeFormat | undefined {
  if (!formatters.has(zone)) {
    let formatter: Intl.DateTimeFormat | undefined;
    try {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      formatter = undefined;
    }
    formatters.set(zone, formatter);
  }
  return formatters.get(zone);
}

export function isIanaZone(name: string): boolean {
  return name !== "" && formatterOf(name) !== undefined;
}

/**
 * The IANA zone a TZID stands for: itself, the zone a Windows name maps to, or the IANA name at
 * the end of a path ("/mozilla.org/20050126_1/Europe/Paris"). Undefined when none is known.
 */
export function ianaZoneOf(tzid: string): string | undefined {
  if (!zoneNames.has(tzid)) zoneNames.set(tzid, findIanaZone(tzid));
  return zoneNames.get(tzid);
}

const zoneNames = new Map<string, string | undefined>();

function findIanaZone(tzid: string): string | undefined {
  const name = tzid.trim().replace(/^"|"$/g, "");
  if (isIanaZone(name)) return canonical(name);
  const windows = WINDOWS_ZONES[name];
  if (windows) return windows;
  const parts = name.split("/").filter((part) => part !== "");
  for (let from = Math.max(0, parts.length - 3); from < parts.length - 1; from++) {
    const tail = parts.slice(from).join("/");
    if (isIanaZone(tail)) return canonical(tail);
  }
  return undefined;
}

/** "utc" and "europe/paris" are accepted by Intl: the zone's own spelling is what we report. */
function canonical(zone: string): string {
  return formatterOf(zone)?.resolvedOptions().timeZone ?? zone;
}

/**
 * Offsets are measured (Intl is slow) a week apart through each year, and each change found is
 * pinned to its quarter hour, when every zone changes; lookups then read this table.
 */
const QUARTER_HOUR = 900_000;
const WEEK = 7 * 86_400_000;
const changesByZone = new Map<string, Map<number, readonly Change[]>>();

interface Change {
  /** From this instant on… */
  readonly from: number;
  /** …the zone is this far from UTC. */
  readonly offset: number;
}

/** The zone's offset from UTC at an instant, in milliseconds. */
export function offsetAt(utcMs: number, zone: string): number {
  const changes = changesOfYear(zone, new Date(utcMs).getUTCFullYear());
  let offset = changes[0]?.offset ?? 0;
  for (const change of changes) {
    if (change.from > utcMs) break;
    offset = change.offset;
  }
  return offset;
}

function changesOfYear(zone: string, year: number): readonly Change[] {
  let years = changesByZone.get(zone);
  if (!years) {
    years = new Map();
    changesByZone.set(zone, years);
  }
  const known = years.get(year);
  if (known) return known;
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const changes: Change[] = [{ from: start, offset: measureOffset(start, zone) }];
  for (let at = start; at < end; at += WEEK) {
    const next = Math.min(at + WEEK, end);
    const before = changes[changes.length - 1]?.offset ?? 0;
    const after = measureOffset(next, zone);
    if (after === before) continue;
    // The first quarter hour with the new offset, between two instants a week apart.
    let low = Math.floor(at / QUARTER_HOUR);
    let high = Math.floor(next / QUARTER_HOUR);
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (measureOffset(middle * QUARTER_HOUR, zone) === before) low = middle;
      else high = middle;
    }
    changes.push({ from: high * QUARTER_HOUR, offset: after });
  }
  years.set(year, changes);
  return changes;
}

function measureOffset(utcMs: number, zone: string): number {
  const formatter = formatterOf(zone);
  if (!formatter) return 0;
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(utcMs))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wall - Math.floor(utcMs / 1000) * 1000;
}

const DAY_MS = 86_400_000;

/**
 * The instant of a wall-clock time in a zone. As RFC 5545 says: a time skipped by a change to
 * summer time is read with the offset before the change (02:30 becomes 03:30), and a time that
 * happens twice when clocks go back is its first occurrence.
 */
export function wallTimeToUtc(wall: WallTime, zone: string): number {
  const local = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const before = offsetAt(local - DAY_MS, zone);
  const after = offsetAt(local + DAY_MS, zone);
  const valid = [before, after]
    .map((offset) => local - offset)
    .filter((instant) => local - offsetAt(instant, zone) === instant);
  return valid.length > 0 ? Math.min(...valid) : local - before;
}

/** ISO 8601 with the zone's offset at that instant, e.g. "2026-03-12T19:00:00+01:00". */
export function isoWithOffset(utcMs: number, zone: string | undefined): string {
  if (zone === undefined) return `${new Date(utcMs).toISOString().slice(0, 19)}Z`;
  return isoAtOffset(utcMs, offsetAt(utcMs, zone));
}

export function isoAtOffset(utcMs: number, offsetMs: number): string {
  const wall = new Date(utcMs + offsetMs).toISOString().slice(0, 19);
  const sign = offsetMs < 0 ? "-" : "+";
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  return `${wall}${sign}${hh}:${mm}`;
}

/** The instant a day starts in a zone (UTC when none): "2026-07-14" → midnight there. */
export function startOfDay(date: string, zone: string | undefined): number {
  const [year = 1970, month = 1, day = 1] = date.split("-").map(Number);
  const wall = { year, month, day, hour: 0, minute: 0, second: 0 };
  return zone === undefined ? Date.UTC(year, month - 1, day) : wallTimeToUtc(wall, zone);
}

/** A date moved by some days: "2026-07-14" + 1 → "2026-07-15". */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
