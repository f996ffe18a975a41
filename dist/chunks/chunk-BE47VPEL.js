import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);
import {
  keyChecker
} from "./chunk-D6NUKDDZ.js";
import {
  addDays,
  eventSpan,
  offsetAt,
  wallTimeToUtc
} from "./chunk-2HIWZCX5.js";
import {
  UsageError
} from "./chunk-ETCY7YZ6.js";

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
  const core = await import("./actions-core-RQ7LH65V.js");
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

// src/rules/safe-regex.ts
var MAX_REGEX_INPUT = 1e4;
var REGEX_FLAGS = "i";
var engine;
function loadEngine() {
  engine ??= import("./build-GVVPONNP.js");
  return engine;
}
var RegexSyntaxError = class extends UsageError {
  name = "RegexSyntaxError";
};
async function compileSafeRegex(source, flags) {
  const { RE2JS } = await loadEngine();
  let compiled;
  try {
    compiled = RE2JS.compile(source, flags.includes("i") ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (error) {
    const description = typeof error.getDescription === "function" ? error.getDescription() : String(error);
    throw new RegexSyntaxError(
      `${description}. Patterns have no look-arounds such as (?=\u2026) or (?!\u2026) and no back-references such as \\1: crieur runs them with an engine that can never hang a run`
    );
  }
  return {
    test: (text) => compiled.test(text.length > MAX_REGEX_INPUT ? text.slice(0, MAX_REGEX_INPUT) : text)
  };
}

// src/rules/filter.ts
var FILTER_FIELDS = ["title", "summary", "categories", "link", "author"];
var DEFAULT_FILTER_FIELDS = ["title", "summary", "categories"];
var REGEX_TERM = /^\/(.+)\/([a-z]*)$/s;
var WORD = /[\p{L}\p{N}]+/gu;
function foldText(text) {
  return text.normalize("NFKD").replace(new RegExp("\\p{M}", "gu"), "").toLowerCase();
}
function wordsOf(text) {
  return foldText(text).match(WORD) ?? [];
}
function parseTerm(entry) {
  const text = entry.trim();
  const regex = REGEX_TERM.exec(text);
  if (regex) {
    const flags = regex[2] ?? "";
    const unknown = [...flags].find((flag) => !REGEX_FLAGS.includes(flag));
    if (unknown !== void 0) {
      return {
        error: `unknown flag "${unknown}" after the pattern; the only flag is "i" (capitals and small letters alike)`
      };
    }
    return { kind: "regex", text, source: regex[1] ?? "", flags };
  }
  const unquoted = /^"(.*)"$/s.exec(text)?.[1] ?? text;
  const prefix = unquoted.endsWith("*");
  const body = prefix ? unquoted.slice(0, -1) : unquoted;
  if (body.includes("*")) {
    return {
      error: 'a "*" may only end the entry, as in ergonom* (words that start with ergonom)'
    };
  }
  const words = wordsOf(body);
  if (words.length === 0) return { error: "expected a word, with at least one letter or digit" };
  return { kind: "words", text, words, prefix };
}
async function compileFilter(spec) {
  const include = await compileTerms(spec.include ?? []);
  const exclude = await compileTerms(spec.exclude ?? []);
  const categories = await compileTerms(spec.categories ?? []);
  const fields = spec.fields ?? DEFAULT_FILTER_FIELDS;
  const minLength = spec.minLength ?? 0;
  return (item) => {
    const texts = fieldTexts(item);
    if (categories.length > 0) {
      const inCategory = categories.some((term) => term.matches(texts.categories));
      if (!inCategory) {
        const has = item.categories.length === 0 ? "it has none" : `its categories: ${shortList(item.categories)}`;
        return `not in categories: ${shortList(categories.map((term) => term.text))} (${has})`;
      }
    }
    for (const term of exclude) {
      const field = fields.find((name) => term.matches(texts[name]));
      if (field !== void 0) return `excluded: matched ${shownTerm(term)} in ${field}`;
    }
    if (include.length > 0) {
      const included = include.some((term) => fields.some((name) => term.matches(texts[name])));
      if (!included) return `not included: none of ${shortList(include.map((term) => term.text))}`;
    }
    const length = [...item.summary].length;
    if (length < minLength) {
      return `too short: the summary has ${length} characters, minLength is ${minLength}`;
    }
    return void 0;
  };
}
async function compileTerms(entries) {
  const terms = [];
  for (const entry of entries) {
    const term = parseTerm(entry);
    if ("error" in term) throw new Error(`Filter entry ${JSON.stringify(entry)}: ${term.error}`);
    if (term.kind === "regex") {
      const regex = await compileSafeRegex(term.source, term.flags);
      const matches = (texts) => texts.some((text) => regex.test(text.raw));
      terms.push({ text: term.text, kind: "regex", matches });
    } else {
      const matches = (texts) => texts.some((text) => containsWords(term, wordsOfField(text)));
      terms.push({ text: term.text, kind: "words", matches });
    }
  }
  return terms;
}
function wordsOfField(text) {
  text.words ??= wordsOf(text.raw);
  return text.words;
}
function containsWords(term, tokens) {
  const n = term.words.length;
  for (let start = 0; start + n <= tokens.length; start++) {
    let all = true;
    for (let j = 0; j < n && all; j++) {
      const token = tokens[start + j];
      const word = term.words[j];
      all = j === n - 1 && term.prefix ? token.startsWith(word) : token === word;
    }
    if (all) return true;
  }
  return false;
}
function fieldTexts(item) {
  const texts = (...values) => values.flatMap((raw) => raw === void 0 || raw === "" ? [] : [{ raw }]);
  return {
    title: texts(item.title),
    summary: texts(item.summary),
    categories: texts(...item.categories),
    link: texts(item.link),
    author: texts(item.author)
  };
}
function shownTerm(term) {
  return term.kind === "regex" ? term.text : `"${term.text.replace(/^"(.*)"$/s, "$1")}"`;
}
function shortList(values) {
  const shown = values.slice(0, 5).join(", ");
  return values.length > 5 ? `${shown}, \u2026` : shown;
}

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
  RegexSyntaxError,
  compileSafeRegex,
  FILTER_FIELDS,
  DEFAULT_FILTER_FIELDS,
  wordsOf,
  parseTerm,
  compileFilter,
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
