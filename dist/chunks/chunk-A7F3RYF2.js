import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);
import {
  keyChecker
} from "./chunk-FZK5PYSV.js";
import {
  addDays,
  eventSpan,
  offsetAt,
  wallTimeToUtc
} from "./chunk-2HIWZCX5.js";

// src/rules/event-posts.ts
var HOUR_MS = 36e5;
var DAY_MS = 24 * HOUR_MS;
var REMINDER_GRACE_MS = 12 * HOUR_MS;
var DEFAULT_EVENT_PREFIXES = {
  inDays: "In {n} days:",
  inHours: "In {n} hours:",
  tomorrow: "Tomorrow:",
  today: "Today:",
  lastDays: "Last {n} days:",
  newDate: "New date:",
  cancelled: "Cancelled:",
  postponed: "Postponed:"
};
function parseReminder(text) {
  const before = /^([1-9]\d{0,3})(h|d)$/.exec(text);
  if (before) {
    return { label: text, beforeMs: Number(before[1]) * (before[2] === "d" ? DAY_MS : HOUR_MS) };
  }
  const dayOf = /^day-of ([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (dayOf) return { label: text, dayOf: { hour: Number(dayOf[1]), minute: Number(dayOf[2]) } };
  return void 0;
}
function planEventPosts(state, fetched, settings, now) {
  const at = now.toISOString();
  const nowMs = now.getTime();
  const tracked = trackEvents(state.events ?? {}, fetched, at);
  let queue = state.queue;
  const done = { ...state.done };
  const queued = [];
  const held = [];
  const dropped = [];
  for (const entry of queue) {
    const item = entry.item;
    const known2 = tracked[item.key];
    if (!item.event || item.eventPost || !known2 || known2.announced) continue;
    if (!isWithinAnnounceWindow(item.event, settings, nowMs)) {
      tracked[item.key] = { ...known2, held: true };
      held.push(item);
    } else {
      tracked[item.key] = { ...withoutHeld(known2), announced: announcedOf(item.event) };
    }
  }
  const heldKeys = new Set(held.map((item) => item.key));
  queue = queue.filter((entry) => !heldKeys.has(entry.item.key));
  const known = keyChecker({ ...state, queue, done });
  const enqueue = (item) => {
    queue = [...queue, { item, queuedAt: at }];
    queued.push(item);
  };
  for (const [key, event] of Object.entries(tracked)) {
    const item = event.item;
    if (!item.event) continue;
    if (event.held && !heldKeys.has(key) && isWithinAnnounceWindow(item.event, settings, nowMs)) {
      tracked[key] = { ...withoutHeld(event), announced: announcedOf(item.event) };
      if (isAnnounceable(item.event, nowMs)) enqueue(item);
    }
    const change = changeOf(tracked[key] ?? event, done[key]?.status === "posted", settings);
    if (change) {
      tracked[key] = { ...event, announced: announcedOf(item.event) };
      const post = derived(item, change.suffix, change.prefix, {
        kind: "change",
        label: change.label,
        until: new Date(eventSpan(item.event).endMs).toISOString()
      });
      if (!known(post.key) && eventSpan(item.event).endMs > nowMs) enqueue(post);
    }
    for (const due of dueReminders(event, settings, nowMs)) {
      if (known(due.item.key) || queued.some((q) => q.key === due.item.key)) continue;
      const late = lateReason(due, nowMs);
      if (late) {
        done[due.item.key] = { status: "failed", at, reason: late };
        dropped.push({ item: due.item, reason: late });
      } else {
        enqueue(due.item);
      }
    }
  }
  for (const [key, event] of Object.entries(tracked)) {
    if (event.item.event && eventSpan(event.item.event).endMs <= nowMs) delete tracked[key];
  }
  const { events: _old, ...rest } = state;
  const next = {
    ...rest,
    queue,
    done,
    ...Object.keys(tracked).length > 0 ? { events: tracked } : {}
  };
  return { state: next, queued, held, dropped };
}
function trackEvents(previous, fetched, at) {
  if (fetched === void 0) return { ...previous };
  const tracked = {};
  for (const item of fetched) {
    if (!item.event) continue;
    const before = previous[item.key];
    tracked[item.key] = before ? { ...before, item } : { item, since: at };
  }
  return tracked;
}
function isWithinAnnounceWindow(event, settings, nowMs) {
  if (settings.announceWithinMs === void 0) return true;
  return eventSpan(event).startMs - settings.announceWithinMs <= nowMs;
}
function isAnnounceable(event, nowMs) {
  return event.status !== "cancelled" && event.status !== "postponed" && eventSpan(event).endMs > nowMs;
}
function announcedOf(event) {
  return { start: event.start, status: event.status };
}
function withoutHeld(event) {
  const { held: _held, ...rest } = event;
  return rest;
}
function changeOf(event, posted, settings) {
  const current = event.item.event;
  const was = event.announced;
  if (!settings.announceChanges || !posted || !current || !was) return void 0;
  const { prefixes } = settings;
  if (current.status === "cancelled" && was.status !== "cancelled") {
    return { suffix: "#cancelled", prefix: prefixes.cancelled, label: "cancelled" };
  }
  if (current.status === "postponed" && was.status !== "postponed") {
    return { suffix: "#postponed", prefix: prefixes.postponed, label: "postponed" };
  }
  if (current.status === "cancelled" || current.status === "postponed") return void 0;
  if (current.start !== was.start) {
    return {
      suffix: `#changed:${current.start}`,
      prefix: prefixes.newDate,
      label: `new date ${current.start}`
    };
  }
  return void 0;
}
function dueReminders(event, settings, nowMs) {
  return eventReminders(event, settings).filter(
    (due) => due.momentMs <= nowMs && due.momentMs >= Date.parse(event.since)
  );
}
function eventReminders(event, settings) {
  const item = event.item;
  const ev = item.event;
  if (!ev || ev.status === "cancelled" || ev.status === "postponed") return [];
  const zone = settings.timeZone ?? ev.timeZone ?? "UTC";
  const { startMs, endMs } = eventSpan(ev);
  const startIso = new Date(startMs).toISOString();
  const endIso = new Date(endMs).toISOString();
  const firstDay = localDate(startMs, ev, zone);
  const reminders = [];
  for (const rule of settings.reminders) {
    if ("beforeMs" in rule) {
      const prefix = beforePrefix(rule.beforeMs, settings.prefixes);
      reminders.push({
        item: derived(item, `#remind:${rule.label}@${ev.start}`, prefix, {
          kind: "reminder",
          label: rule.label,
          until: startIso
        }),
        momentMs: beforeStart(startMs, rule.beforeMs, zone)
      });
      continue;
    }
    const momentMs = wallTimeToUtc({ ...dayParts(firstDay), ...rule.dayOf, second: 0 }, zone);
    if (!ev.allDay && momentMs >= startMs) continue;
    reminders.push({
      item: derived(item, `#remind:${rule.label}@${ev.start}`, settings.prefixes.today, {
        kind: "reminder",
        label: rule.label,
        until: ev.allDay ? endIso : startIso
      }),
      momentMs
    });
  }
  const days = settings.lastDays;
  if (days !== void 0 && ev.end !== void 0) {
    const lastDay = ev.allDay ? ev.end : localDate(endMs - 1, ev, zone);
    const fromDay = addDays(lastDay, 1 - days);
    if (fromDay > firstDay) {
      reminders.push({
        item: derived(item, `#lastdays:${days}@${ev.end}`, fill(settings.prefixes.lastDays, days), {
          kind: "last-days",
          label: `${days}d`,
          until: endIso
        }),
        momentMs: wallTimeToUtc({ ...dayParts(fromDay), hour: 9, minute: 0, second: 0 }, zone)
      });
    }
  }
  return reminders;
}
function beforeStart(startMs, beforeMs, zone) {
  if (beforeMs % DAY_MS !== 0) return startMs - beforeMs;
  const wall = new Date(startMs + offsetAt(startMs, zone) - beforeMs);
  return wallTimeToUtc(
    {
      year: wall.getUTCFullYear(),
      month: wall.getUTCMonth() + 1,
      day: wall.getUTCDate(),
      hour: wall.getUTCHours(),
      minute: wall.getUTCMinutes(),
      second: wall.getUTCSeconds()
    },
    zone
  );
}
function lateReason(due, nowMs) {
  const until = Date.parse(due.item.eventPost?.until ?? "");
  if (until <= nowMs) return "not posted: the event had already started when the reminder was due";
  if (nowMs - due.momentMs > REMINDER_GRACE_MS) {
    return `not posted: the reminder was due at ${new Date(due.momentMs).toISOString()} and no run came in time`;
  }
  return void 0;
}
function beforePrefix(ms, prefixes) {
  if (ms % DAY_MS !== 0) return fill(prefixes.inHours, ms / HOUR_MS);
  return ms === DAY_MS ? prefixes.tomorrow : fill(prefixes.inDays, ms / DAY_MS);
}
function fill(prefix, n) {
  return prefix.replaceAll("{n}", String(n));
}
function derived(item, suffix, prefix, eventPost) {
  const { keyWithoutGuid: _k, altKeys: _a, ...rest } = item;
  return { ...rest, key: `${item.key}${suffix}`, title: `${prefix} ${item.title}`, eventPost };
}
function localDate(ms, event, zone) {
  if (event.allDay && ms === eventSpan(event).startMs) return event.start.slice(0, 10);
  return new Date(ms + offsetAt(ms, zone)).toISOString().slice(0, 10);
}
function dayParts(date) {
  const [year, month, day] = date.split("-").map(Number);
  return { year: year ?? 1970, month: month ?? 1, day: day ?? 1 };
}
function upcomingEventPosts(state, settings, now, windowMs) {
  const nowMs = now.getTime();
  const known = keyChecker({ ...state, events: {} });
  const upcoming = [];
  for (const event of Object.values(state.events ?? {})) {
    const ev = event.item.event;
    if (!ev) continue;
    if (event.held && isAnnounceable(ev, nowMs) && settings.announceWithinMs !== void 0) {
      const dueMs = Math.max(nowMs, eventSpan(ev).startMs - settings.announceWithinMs);
      if (dueMs <= nowMs + windowMs) {
        upcoming.push({ title: event.item.title, dueMs, kind: "announcement" });
      }
    }
    for (const due of eventReminders(event, settings)) {
      if (due.momentMs <= nowMs || due.momentMs > nowMs + windowMs) continue;
      if (due.momentMs < Date.parse(event.since) || known(due.item.key)) continue;
      const kind = due.item.eventPost?.kind ?? "reminder";
      upcoming.push({ title: due.item.title, dueMs: due.momentMs, kind });
    }
  }
  return upcoming.sort((a, b) => a.dueMs - b.dueMs).map(({ title, dueMs, kind }) => ({ title, due: new Date(dueMs).toISOString(), kind }));
}

// src/rules/posting-hours.ts
var CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
function isValidTimeZone(name) {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
function minutesInZone(now, timeZone) {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23"
  }).formatToParts(now);
  const part = (type) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part("hour") * 60 + part("minute");
}
function isWithinPostingHours(hours, now) {
  const minutes = minutesInZone(now, hours.timeZone);
  const from = minutesOf(hours.from);
  const to = minutesOf(hours.to);
  if (from === to) return true;
  return from < to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
}
function nextOpening(hours, now) {
  const start = Math.floor(now.getTime() / 6e4) * 6e4;
  for (let minute = 1; minute <= 2 * 24 * 60; minute++) {
    const at = new Date(start + minute * 6e4);
    if (isWithinPostingHours(hours, at)) return at;
  }
  return void 0;
}
function describePostingHours(hours) {
  return `${hours.from}\u2013${hours.to} ${hours.timeZone}`;
}
function minutesOf(clock) {
  const [hours = 0, minutes = 0] = clock.split(":").map(Number);
  return hours * 60 + minutes;
}

// src/report/log.ts
async function actionsLog(secrets) {
  const core = await import("./actions-core-Y67LIUDN.js");
  for (const secret of secrets) if (secret) core.setSecret(secret);
  return {
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
    error: (message) => core.error(message),
    group: (name, body) => core.group(name, body)
  };
}
function terminalLog(out = process.stdout, err = process.stderr) {
  let indent = "";
  return {
    info: (message) => out.write(`${indent}${message}
`),
    warning: (message) => err.write(`${indent}warning: ${message}
`),
    error: (message) => err.write(`${indent}error: ${message}
`),
    async group(name, body) {
      out.write(`${name}
`);
      indent = "  ";
      try {
        return await body();
      } finally {
        indent = "";
      }
    }
  };
}
function bufferedLog() {
  const lines = [];
  return {
    log: {
      info: (message) => lines.push({ level: "info", message }),
      warning: (message) => lines.push({ level: "warning", message }),
      error: (message) => lines.push({ level: "error", message }),
      group: (_name, body) => body()
    },
    replayTo(target) {
      for (const line of lines) target[line.level](line.message);
    }
  };
}

// src/rules/cost.ts
var DEFAULT_PRICES = { perPostUSD: 0.015, perPostWithUrlUSD: 0.2 };
function priceOf(hasUrl, prices) {
  return hasUrl ? prices.perPostWithUrlUSD : prices.perPostUSD;
}
function costOf(month, prices) {
  const plain = month.posts - month.postsWithUrl;
  return plain * prices.perPostUSD + month.postsWithUrl * prices.perPostWithUrlUSD;
}
function startOfNextMonth(now) {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

export {
  DEFAULT_EVENT_PREFIXES,
  parseReminder,
  planEventPosts,
  upcomingEventPosts,
  DEFAULT_PRICES,
  priceOf,
  costOf,
  startOfNextMonth,
  CLOCK_TIME,
  isValidTimeZone,
  isWithinPostingHours,
  nextOpening,
  describePostingHours,
  actionsLog,
  terminalLog,
  bufferedLog
};
