import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);

// src/sources/windows-zones.ts
var WINDOWS_ZONES = {
  "Dateline Standard Time": "Etc/GMT+12",
  "UTC-11": "Etc/GMT+11",
  "Hawaiian Standard Time": "Pacific/Honolulu",
  "Alaskan Standard Time": "America/Anchorage",
  "Pacific Standard Time (Mexico)": "America/Tijuana",
  "Pacific Standard Time": "America/Los_Angeles",
  "US Mountain Standard Time": "America/Phoenix",
  "Mountain Standard Time (Mexico)": "America/Mazatlan",
  "Mountain Standard Time": "America/Denver",
  "Central America Standard Time": "America/Guatemala",
  "Central Standard Time": "America/Chicago",
  "Central Standard Time (Mexico)": "America/Mexico_City",
  "Canada Central Standard Time": "America/Regina",
  "SA Pacific Standard Time": "America/Bogota",
  "Eastern Standard Time (Mexico)": "America/Cancun",
  "Eastern Standard Time": "America/New_York",
  "US Eastern Standard Time": "America/Indiana/Indianapolis",
  "Cuba Standard Time": "America/Havana",
  "Venezuela Standard Time": "America/Caracas",
  "Paraguay Standard Time": "America/Asuncion",
  "Atlantic Standard Time": "America/Halifax",
  "Central Brazilian Standard Time": "America/Cuiaba",
  "SA Western Standard Time": "America/La_Paz",
  "Pacific SA Standard Time": "America/Santiago",
  "Newfoundland Standard Time": "America/St_Johns",
  "E. South America Standard Time": "America/Sao_Paulo",
  "SA Eastern Standard Time": "America/Cayenne",
  "Argentina Standard Time": "America/Argentina/Buenos_Aires",
  "Greenland Standard Time": "America/Nuuk",
  "Montevideo Standard Time": "America/Montevideo",
  "UTC-02": "Etc/GMT+2",
  "Azores Standard Time": "Atlantic/Azores",
  "Cape Verde Standard Time": "Atlantic/Cape_Verde",
  UTC: "Etc/UTC",
  "GMT Standard Time": "Europe/London",
  "Greenwich Standard Time": "Atlantic/Reykjavik",
  "Morocco Standard Time": "Africa/Casablanca",
  "W. Europe Standard Time": "Europe/Berlin",
  "Central Europe Standard Time": "Europe/Budapest",
  "Romance Standard Time": "Europe/Paris",
  "Central European Standard Time": "Europe/Warsaw",
  "W. Central Africa Standard Time": "Africa/Lagos",
  "Jordan Standard Time": "Asia/Amman",
  "GTB Standard Time": "Europe/Bucharest",
  "Middle East Standard Time": "Asia/Beirut",
  "Egypt Standard Time": "Africa/Cairo",
  "E. Europe Standard Time": "Europe/Chisinau",
  "Syria Standard Time": "Asia/Damascus",
  "South Africa Standard Time": "Africa/Johannesburg",
  "FLE Standard Time": "Europe/Kyiv",
  "Israel Standard Time": "Asia/Jerusalem",
  "Kaliningrad Standard Time": "Europe/Kaliningrad",
  "Arabic Standard Time": "Asia/Baghdad",
  "Turkey Standard Time": "Europe/Istanbul",
  "Arab Standard Time": "Asia/Riyadh",
  "Belarus Standard Time": "Europe/Minsk",
  "Russian Standard Time": "Europe/Moscow",
  "E. Africa Standard Time": "Africa/Nairobi",
  "Iran Standard Time": "Asia/Tehran",
  "Arabian Standard Time": "Asia/Dubai",
  "Azerbaijan Standard Time": "Asia/Baku",
  "Georgian Standard Time": "Asia/Tbilisi",
  "Caucasus Standard Time": "Asia/Yerevan",
  "Afghanistan Standard Time": "Asia/Kabul",
  "West Asia Standard Time": "Asia/Tashkent",
  "Ekaterinburg Standard Time": "Asia/Yekaterinburg",
  "Pakistan Standard Time": "Asia/Karachi",
  "India Standard Time": "Asia/Kolkata",
  "Sri Lanka Standard Time": "Asia/Colombo",
  "Nepal Standard Time": "Asia/Kathmandu",
  "Central Asia Standard Time": "Asia/Almaty",
  "Bangladesh Standard Time": "Asia/Dhaka",
  "Myanmar Standard Time": "Asia/Yangon",
  "SE Asia Standard Time": "Asia/Bangkok",
  "N. Central Asia Standard Time": "Asia/Novosibirsk",
  "China Standard Time": "Asia/Shanghai",
  "North Asia Standard Time": "Asia/Krasnoyarsk",
  "Singapore Standard Time": "Asia/Singapore",
  "W. Australia Standard Time": "Australia/Perth",
  "Taipei Standard Time": "Asia/Taipei",
  "Ulaanbaatar Standard Time": "Asia/Ulaanbaatar",
  "Tokyo Standard Time": "Asia/Tokyo",
  "Korea Standard Time": "Asia/Seoul",
  "Yakutsk Standard Time": "Asia/Yakutsk",
  "Cen. Australia Standard Time": "Australia/Adelaide",
  "AUS Central Standard Time": "Australia/Darwin",
  "E. Australia Standard Time": "Australia/Brisbane",
  "AUS Eastern Standard Time": "Australia/Sydney",
  "West Pacific Standard Time": "Pacific/Port_Moresby",
  "Tasmania Standard Time": "Australia/Hobart",
  "Vladivostok Standard Time": "Asia/Vladivostok",
  "Central Pacific Standard Time": "Pacific/Guadalcanal",
  "New Zealand Standard Time": "Pacific/Auckland",
  "UTC+12": "Etc/GMT-12",
  "Fiji Standard Time": "Pacific/Fiji",
  "Tonga Standard Time": "Pacific/Tongatapu",
  "Samoa Standard Time": "Pacific/Apia",
  "Line Islands Standard Time": "Pacific/Kiritimati"
};

// src/sources/zone.ts
var formatters = /* @__PURE__ */ new Map();
function formatterOf(zone) {
  if (!formatters.has(zone)) {
    let formatter;
    try {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric"
      });
    } catch {
      formatter = void 0;
    }
    formatters.set(zone, formatter);
  }
  return formatters.get(zone);
}
function isIanaZone(name) {
  return name !== "" && formatterOf(name) !== void 0;
}
function ianaZoneOf(tzid) {
  if (!zoneNames.has(tzid)) zoneNames.set(tzid, findIanaZone(tzid));
  return zoneNames.get(tzid);
}
var zoneNames = /* @__PURE__ */ new Map();
function findIanaZone(tzid) {
  const name = tzid.trim().replace(/^"|"$/g, "");
  if (isIanaZone(name)) return canonical(name);
  const windows = WINDOWS_ZONES[name];
  if (windows) return windows;
  const parts = name.split("/").filter((part) => part !== "");
  for (let from = Math.max(0, parts.length - 3); from < parts.length - 1; from++) {
    const tail = parts.slice(from).join("/");
    if (isIanaZone(tail)) return canonical(tail);
  }
  return void 0;
}
function canonical(zone) {
  return formatterOf(zone)?.resolvedOptions().timeZone ?? zone;
}
var QUARTER_HOUR = 9e5;
var WEEK = 7 * 864e5;
var changesByZone = /* @__PURE__ */ new Map();
function offsetAt(utcMs, zone) {
  const changes = changesOfYear(zone, new Date(utcMs).getUTCFullYear());
  let offset = changes[0]?.offset ?? 0;
  for (const change of changes) {
    if (change.from > utcMs) break;
    offset = change.offset;
  }
  return offset;
}
function changesOfYear(zone, year) {
  let years = changesByZone.get(zone);
  if (!years) {
    years = /* @__PURE__ */ new Map();
    changesByZone.set(zone, years);
  }
  const known = years.get(year);
  if (known) return known;
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const changes = [{ from: start, offset: measureOffset(start, zone) }];
  for (let at = start; at < end; at += WEEK) {
    const next = Math.min(at + WEEK, end);
    const before = changes[changes.length - 1]?.offset ?? 0;
    const after = measureOffset(next, zone);
    if (after === before) continue;
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
function measureOffset(utcMs, zone) {
  const formatter = formatterOf(zone);
  if (!formatter) return 0;
  const parts = {};
  for (const part of formatter.formatToParts(new Date(utcMs))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0
  );
  return wall - Math.floor(utcMs / 1e3) * 1e3;
}
var DAY_MS = 864e5;
function wallTimeToUtc(wall, zone) {
  const local = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const before = offsetAt(local - DAY_MS, zone);
  const after = offsetAt(local + DAY_MS, zone);
  const valid = [before, after].map((offset) => local - offset).filter((instant) => local - offsetAt(instant, zone) === instant);
  return valid.length > 0 ? Math.min(...valid) : local - before;
}
function isoWithOffset(utcMs, zone) {
  if (zone === void 0) return `${new Date(utcMs).toISOString().slice(0, 19)}Z`;
  return isoAtOffset(utcMs, offsetAt(utcMs, zone));
}
function isoAtOffset(utcMs, offsetMs) {
  const wall = new Date(utcMs + offsetMs).toISOString().slice(0, 19);
  const sign = offsetMs < 0 ? "-" : "+";
  const minutes = Math.round(Math.abs(offsetMs) / 6e4);
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  return `${wall}${sign}${hh}:${mm}`;
}
function startOfDay(date, zone) {
  const [year = 1970, month = 1, day = 1] = date.split("-").map(Number);
  const wall = { year, month, day, hour: 0, minute: 0, second: 0 };
  return zone === void 0 ? Date.UTC(year, month - 1, day) : wallTimeToUtc(wall, zone);
}
function addDays(date, days) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

// src/sources/agenda.ts
var DEFAULT_HORIZON_MS = 90 * 864e5;
function eventSpan(event) {
  if (event.allDay) {
    const startMs2 = startOfDay(event.start, event.timeZone);
    return { startMs: startMs2, endMs: startOfDay(addDays(event.end ?? event.start, 1), event.timeZone) };
  }
  const startMs = Date.parse(event.start);
  const endMs = event.end === void 0 ? startMs : Date.parse(event.end);
  return { startMs, endMs: Math.max(startMs, endMs) };
}
function withinHorizon(event, options) {
  const { startMs, endMs } = eventSpan(event);
  const now = options.now.getTime();
  return endMs > now && startMs < now + options.horizonMs;
}
function latestFirst(items) {
  const starts = new Map(items.map((item) => [item, startOf(item)]));
  return [...items].sort((a, b) => (starts.get(b) ?? 0) - (starts.get(a) ?? 0));
}
function startOf(item) {
  return item.event ? eventSpan(item.event).startMs : 0;
}
function isSkipped(event) {
  return "skipped" in event;
}
function skippedEventLine(event) {
  return `event "${event.title || event.uid || "without a title"}" skipped (${event.skipped}).`;
}

export {
  ianaZoneOf,
  offsetAt,
  wallTimeToUtc,
  isoWithOffset,
  isoAtOffset,
  addDays,
  DEFAULT_HORIZON_MS,
  eventSpan,
  withinHorizon,
  latestFirst,
  isSkipped,
  skippedEventLine
};
