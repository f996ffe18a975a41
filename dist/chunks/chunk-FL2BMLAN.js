import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);
import {
  CrieurError
} from "./chunk-ETCY7YZ6.js";

// src/rules/date-pattern.ts
var LUXON_TOKENS_URL = "https://moment.github.io/luxon/#/formatting?id=table-of-tokens";
var TIME_TOKENS = [
  ..."S SSS u uu uuu s ss m mm h hh H HH a z Z ZZ ZZZ ZZZZ ZZZZZ X x".split(" "),
  ..."t tt ttt tttt T TT TTT TTTT".split(" ")
];
var DATE_TOKENS = [
  ..."d dd c ccc cccc ccccc E EEE EEEE EEEEE L LL LLL LLLL LLLLL M MM MMM MMMM MMMMM".split(" "),
  ..."y yy yyyy yyyyyy G GG GGGGG kk kkkk W WW n nn ii iiii o ooo q qq".split(" "),
  ..."D DD DDD DDDD".split(" ")
];
var DATE_TIME_MACROS = {
  f: "D",
  ff: "DD",
  fff: "DDD",
  ffff: "DDDD",
  F: "D",
  FF: "DD",
  FFF: "DDD",
  FFFF: "DDDD"
};
var KNOWN = /* @__PURE__ */ new Set([...TIME_TOKENS, ...DATE_TOKENS, ...Object.keys(DATE_TIME_MACROS)]);
var TIME = new Set(TIME_TOKENS);
function parsePattern(pattern) {
  const parts = [];
  const unknown = /* @__PURE__ */ new Set();
  const text = (value) => parts.push({ kind: "text", text: value });
  const unquoted = (segment) => {
    for (const [word] of segment.matchAll(/[A-Za-z]+|[^A-Za-z]+/g)) {
      if (!/^[A-Za-z]/.test(word)) {
        text(word);
        continue;
      }
      for (const [run] of word.matchAll(/([A-Za-z])\1*/g)) {
        if (!KNOWN.has(run)) unknown.add(word);
        parts.push({ kind: "token", token: run });
      }
    }
  };
  let index = 0;
  while (index < pattern.length) {
    const quote = pattern.indexOf("'", index);
    if (quote === -1) {
      unquoted(pattern.slice(index));
      break;
    }
    unquoted(pattern.slice(index, quote));
    const close = pattern.indexOf("'", quote + 1);
    const end = close === -1 ? pattern.length : close;
    text(end === quote + 1 ? "'" : pattern.slice(quote + 1, end));
    index = end + 1;
  }
  return { parts: mergeText(parts), unknown: [...unknown] };
}
function dateOnly(parts) {
  const mapped = parts.map((part) => {
    const macro = part.kind === "token" ? DATE_TIME_MACROS[part.token] : void 0;
    return macro === void 0 ? part : { kind: "token", token: macro };
  });
  const isTime = (part) => part?.kind === "token" && TIME.has(part.token);
  const tokenNear = (index, step) => {
    for (let at = index + step; at >= 0 && at < mapped.length; at += step) {
      if (mapped[at]?.kind === "token") return mapped[at];
    }
    return void 0;
  };
  const kept = mapped.filter(
    (part, index) => part.kind === "token" ? !isTime(part) : !isTime(tokenNear(index, -1)) && !isTime(tokenNear(index, 1))
  );
  return mergeText(kept);
}
function mergeText(parts) {
  const merged = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (part.kind === "text" && last?.kind === "text") {
      merged[merged.length - 1] = { kind: "text", text: last.text + part.text };
    } else merged.push(part);
  }
  return merged;
}
function isSupportedLocale(tag) {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
}

// src/rules/template.ts
var DATE_FIELDS = ["date", "start", "end"];
var TEMPLATE_FIELDS = [
  "title",
  "link",
  "summary",
  "author",
  "date",
  "feed",
  "hashtags",
  "start",
  "end",
  "location",
  "status"
];
var UNCAPPED = ["link", "hashtags"];
var MAX_CAP = 1e3;
var TemplateError = class extends CrieurError {
  name = "TemplateError";
};
var ALLOWED = TEMPLATE_FIELDS.map((field) => `{${field}}`).join(", ");
function readTemplate(source, suggest = () => void 0) {
  const problems = [];
  const lines = source.split(/\r?\n/).map((line) => readLine(line, { problems, suggest }));
  return { template: { source, lines }, problems: [...new Set(problems)] };
}
function parseTemplate(source) {
  const { template, problems } = readTemplate(source);
  if (problems.length > 0) throw new TemplateError(`The template "${source}": ${problems[0]}`);
  return template;
}
function fieldsOf(template) {
  const fields = template.lines.flatMap(
    (line) => line.flatMap(
      (segment) => segment.kind === "placeholder" ? segment.alternatives.map((a) => a.field) : []
    )
  );
  return [...new Set(fields)];
}
function readLine(line, reading) {
  const { problems } = reading;
  const segments = [];
  let text = "";
  let index = 0;
  while (index < line.length) {
    const character = line.charAt(index);
    const next = line.charAt(index + 1);
    if (character === "{" && next === "{" || character === "}" && next === "}") {
      text += character;
      index += 2;
    } else if (character === "}") {
      problems.push(`a "}" without its "{"; write "}}" for a brace in the text`);
      index++;
    } else if (character === "{") {
      const end = placeholderEnd(line, index + 1);
      if (end === void 0) {
        const opened = line.slice(index, index + 30);
        problems.push(
          `"${opened}${opened.length < line.length - index ? "\u2026" : ""}": a placeholder opened with "{" must close with "}" on the same line, before any other "{"; write "{{" for a brace in the text`
        );
        break;
      }
      if (text !== "") segments.push({ kind: "text", text });
      text = "";
      const source = line.slice(index, end + 1);
      const alternatives = splitAlternatives(line.slice(index + 1, end)).map(
        (written) => readAlternative(written, source, reading)
      );
      checkFallback(alternatives, source, problems);
      segments.push({
        kind: "placeholder",
        alternatives: alternatives.filter((a) => a !== void 0)
      });
      index = end + 1;
    } else {
      text += character;
      index++;
    }
  }
  if (text !== "") segments.push({ kind: "text", text });
  return segments;
}
function placeholderEnd(line, from) {
  let quoted = false;
  let inPattern = false;
  for (let index = from; index < line.length; index++) {
    const character = line.charAt(index);
    if (inPattern && character === "'") quoted = !quoted;
    else if (quoted) continue;
    else if (character === ":") inPattern = true;
    else if (character === "|") inPattern = false;
    else if (character === "}") return index;
    else if (character === "{") return void 0;
  }
  return void 0;
}
function splitAlternatives(inside) {
  const alternatives = [];
  let current = "";
  let quoted = false;
  let inPattern = false;
  for (const character of inside) {
    if (inPattern && character === "'") quoted = !quoted;
    if (!quoted && character === "|") {
      alternatives.push(current);
      current = "";
      inPattern = false;
      continue;
    }
    if (!quoted && character === ":") inPattern = true;
    current += character;
  }
  alternatives.push(current);
  return alternatives;
}
function readAlternative(written, source, { problems, suggest }) {
  const colon = written.indexOf(":");
  const name = (colon === -1 ? written : written.slice(0, colon)).trim();
  const modifier = colon === -1 ? void 0 : written.slice(colon + 1);
  const where = source === `{${name}}` ? "" : ` in ${source}`;
  if (name === "") {
    problems.push(
      source === "{}" ? `an empty placeholder "{}"; write "{{}}" for braces in the text; allowed: ${ALLOWED}` : `bad fallback ${source}: an alternative is empty; write alternatives as {summary|title}`
    );
    return void 0;
  }
  if (!TEMPLATE_FIELDS.includes(name)) {
    const near = suggest(name, TEMPLATE_FIELDS);
    const hint = near === void 0 ? "" : ` did you mean "{${near}}"?`;
    problems.push(`unknown placeholder "{${name}}"${where};${hint} allowed: ${ALLOWED}`);
    return void 0;
  }
  const field = name;
  if (modifier === void 0) return { field };
  const isDate = DATE_FIELDS.includes(field);
  if (isDate) return readPattern(field, modifier, source, problems);
  if (UNCAPPED.includes(field)) {
    problems.push(
      field === "link" ? `${source}: the link is never cut; write {link} alone` : `${source}: hashtags are dropped whole when the post is too long; write {hashtags} alone`
    );
    return void 0;
  }
  const cap = /^\s*\d+\s*$/.test(modifier) ? Number(modifier) : void 0;
  if (cap === void 0 || cap < 1 || cap > MAX_CAP) {
    problems.push(
      cap === void 0 ? `${source}: {${field}} takes a length cap such as {${field}:140}; date patterns go with {date}, {start} and {end}` : `${source}: a length cap is a number of characters from 1 to ${MAX_CAP}`
    );
    return void 0;
  }
  return { field, cap };
}
function readPattern(field, pattern, source, problems) {
  if (pattern.trim() === "" || /^\s*\d+\s*$/.test(pattern)) {
    problems.push(
      `${source}: {${field}} takes a date pattern such as {${field}:EEEE d MMMM, HH:mm}, not ${pattern.trim() === "" ? "nothing" : "a length cap"}`
    );
    return void 0;
  }
  const { parts, unknown } = parsePattern(pattern);
  if (unknown.length > 0) {
    const listed = unknown.map((token) => `"${token}"`).join(", ");
    problems.push(
      `bad date pattern ${source}: ${listed} ${unknown.length === 1 ? "is not a date token" : "are not date tokens"}; tokens are Luxon's (d, EEEE, MMMM, yyyy, HH, mm\u2026: ${LUXON_TOKENS_URL}); put letters meant as text in single quotes, as in HH'h'mm`
    );
    return void 0;
  }
  return { field, pattern: parts };
}
function checkFallback(alternatives, source, problems) {
  const named = alternatives.flatMap((a) => a === void 0 ? [] : [a.field]);
  const twice = named.find((field, index) => named.indexOf(field) !== index);
  if (twice !== void 0 && named.length === alternatives.length) {
    problems.push(`bad fallback ${source}: {${twice}} is named twice; name each field once`);
  }
}

export {
  dateOnly,
  isSupportedLocale,
  DATE_FIELDS,
  TEMPLATE_FIELDS,
  readTemplate,
  parseTemplate,
  fieldsOf
};
