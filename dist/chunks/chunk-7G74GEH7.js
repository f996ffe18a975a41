import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);
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

// src/rules/safe-regex.ts
var MAX_REGEX_INPUT = 1e4;
var REGEX_FLAGS = "i";
var engine;
function loadEngine() {
  engine ??= import("./build-4DPZWIZN.js");
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
