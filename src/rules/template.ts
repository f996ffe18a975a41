/**
 * Post templates (pure): crieur's one template engine. A template is read once, when feeds.yml is
 * loaded (a mistake is a config error with its line), into lines of text and placeholders, then
 * rendered for each post against plain fields that the compose step supplies.
 *
 * - `{title}`: a field; `{summary|title}`: the first of these that is not empty.
 * - `{summary:140}`: at most 140 characters, cut at a word boundary with "…".
 * - `{start:EEEE d MMMM, HH'h'mm}`: a date in a Luxon pattern (date-format.ts); `{start}` alone
 *   has a default form. Each alternative has its own cap or pattern: `{summary:100|title:80}`.
 * - `{{` and `}}`: literal braces. In a pattern, `|` and `}` are text inside single quotes.
 * - A line whose placeholders all came out empty is left out, its text with it ("Lieu : {location}"
 *   vanishes for an event without a place); spaces are tidied, at most one blank line in a row.
 */
import { CrieurError } from "../errors.js";
import { LUXON_TOKENS_URL, type PatternPart, parsePattern } from "./date-pattern.js";

export const TEXT_FIELDS = [
  "title",
  "link",
  "summary",
  "author",
  "feed",
  "hashtags",
  "location",
  "status",
] as const;
export const DATE_FIELDS = ["date", "start", "end"] as const;
/** Placeholders a template may use, in the order the messages list them. */
export const TEMPLATE_FIELDS = [
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
  "status",
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export type DateField = (typeof DATE_FIELDS)[number];
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

/** Fields a cap would break: a link must stay whole, hashtags are dropped whole to fit. */
const UNCAPPED: readonly TemplateField[] = ["link", "hashtags"];
const MAX_CAP = 1000;

export interface Alternative {
  readonly field: TemplateField;
  readonly cap?: number;
  readonly pattern?: readonly PatternPart[];
}
type Segment =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "placeholder"; readonly alternatives: readonly Alternative[] };

export interface Template {
  readonly source: string;
  readonly lines: readonly (readonly Segment[])[];
}

export class TemplateError extends CrieurError {
  override name = "TemplateError";
}

const ALLOWED = TEMPLATE_FIELDS.map((field) => `{${field}}`).join(", ");

/** Suggests the candidate a misspelt name was meant to be (config's did-you-mean). */
export type Suggest = (word: string, candidates: readonly string[]) => string | undefined;

/** Reads a template; `problems` says, in words for the owner, everything wrong with it. */
export function readTemplate(
  source: string,
  suggest: Suggest = () => undefined,
): { template: Template; problems: string[] } {
  const problems: string[] = [];
  const lines = source.split(/\r?\n/).map((line) => readLine(line, { problems, suggest }));
  return { template: { source, lines }, problems: [...new Set(problems)] };
}

/** Reads a template known to be sound (checked when feeds.yml was loaded). */
export function parseTemplate(source: string): Template {
  const { template, problems } = readTemplate(source);
  if (problems.length > 0) throw new TemplateError(`The template "${source}": ${problems[0]}`);
  return template;
}

/** The fields a template names, each once. */
export function fieldsOf(template: Template): TemplateField[] {
  const fields = template.lines.flatMap((line) =>
    line.flatMap((segment) =>
      segment.kind === "placeholder" ? segment.alternatives.map((a) => a.field) : [],
    ),
  );
  return [...new Set(fields)];
}

interface Reading {
  readonly problems: string[];
  readonly suggest: Suggest;
}

function readLine(line: string, reading: Reading): Segment[] {
  const { problems } = reading;
  const segments: Segment[] = [];
  let text = "";
  let index = 0;
  while (index < line.length) {
    const character = line.charAt(index);
    const next = line.charAt(index + 1);
    if ((character === "{" && next === "{") || (character === "}" && next === "}")) {
      text += character;
      index += 2;
    } else if (character === "}") {
      problems.push(`a "}" without its "{"; write "}}" for a brace in the text`);
      index++;
    } else if (character === "{") {
      const end = placeholderEnd(line, index + 1);
      if (end === undefined) {
        const opened = line.slice(index, index + 30);
        problems.push(
          `"${opened}${opened.length < line.length - index ? "…" : ""}": a placeholder opened ` +
            `with "{" must close with "}" on the same line, before any other "{"; ` +
            `write "{{" for a brace in the text`,
        );
        break;
      }
      if (text !== "") segments.push({ kind: "text", text });
      text = "";
      const source = line.slice(index, end + 1);
      const alternatives = splitAlternatives(line.slice(index + 1, end)).map((written) =>
        readAlternative(written, source, reading),
      );
      checkFallback(alternatives, source, problems);
      segments.push({
        kind: "placeholder",
        alternatives: alternatives.filter((a): a is Alternative => a !== undefined),
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

/** Index of the "}" closing a placeholder that starts at `from`; quotes in a pattern hide it. */
function placeholderEnd(line: string, from: number): number | undefined {
  let quoted = false;
  let inPattern = false;
  for (let index = from; index < line.length; index++) {
    const character = line.charAt(index);
    if (inPattern && character === "'") quoted = !quoted;
    else if (quoted) continue;
    else if (character === ":") inPattern = true;
    else if (character === "|") inPattern = false;
    else if (character === "}") return index;
    else if (character === "{") return undefined;
  }
  return undefined;
}

function splitAlternatives(inside: string): string[] {
  const alternatives: string[] = [];
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

function readAlternative(
  written: string,
  source: string,
  { problems, suggest }: Reading,
): Alternative | undefined {
  const colon = written.indexOf(":");
  const name = (colon === -1 ? written : written.slice(0, colon)).trim();
  const modifier = colon === -1 ? undefined : written.slice(colon + 1);
  const where = source === `{${name}}` ? "" : ` in ${source}`;
  if (name === "") {
    problems.push(
      source === "{}"
        ? `an empty placeholder "{}"; write "{{}}" for braces in the text; allowed: ${ALLOWED}`
        : `bad fallback ${source}: an alternative is empty; write alternatives as {summary|title}`,
    );
    return undefined;
  }
  if (!(TEMPLATE_FIELDS as readonly string[]).includes(name)) {
    const near = suggest(name, TEMPLATE_FIELDS);
    const hint = near === undefined ? "" : ` did you mean "{${near}}"?`;
    problems.push(`unknown placeholder "{${name}}"${where};${hint} allowed: ${ALLOWED}`);
    return undefined;
  }
  const field = name as TemplateField;
  if (modifier === undefined) return { field };
  const isDate = (DATE_FIELDS as readonly string[]).includes(field);
  if (isDate) return readPattern(field, modifier, source, problems);
  if (UNCAPPED.includes(field)) {
    problems.push(
      field === "link"
        ? `${source}: the link is never cut; write {link} alone`
        : `${source}: hashtags are dropped whole when the post is too long; write {hashtags} alone`,
    );
    return undefined;
  }
  const cap = /^\s*\d+\s*$/.test(modifier) ? Number(modifier) : undefined;
  if (cap === undefined || cap < 1 || cap > MAX_CAP) {
    problems.push(
      cap === undefined
        ? `${source}: {${field}} takes a length cap such as {${field}:140}; date patterns ` +
            "go with {date}, {start} and {end}"
        : `${source}: a length cap is a number of characters from 1 to ${MAX_CAP}`,
    );
    return undefined;
  }
  return { field, cap };
}

function readPattern(
  field: TemplateField,
  pattern: string,
  source: string,
  problems: string[],
): Alternative | undefined {
  if (pattern.trim() === "" || /^\s*\d+\s*$/.test(pattern)) {
    problems.push(
      `${source}: {${field}} takes a date pattern such as {${field}:EEEE d MMMM, HH:mm}, ` +
        `not ${pattern.trim() === "" ? "nothing" : "a length cap"}`,
    );
    return undefined;
  }
  const { parts, unknown } = parsePattern(pattern);
  if (unknown.length > 0) {
    const listed = unknown.map((token) => `"${token}"`).join(", ");
    problems.push(
      `bad date pattern ${source}: ${listed} ${unknown.length === 1 ? "is not a date token" : "are not date tokens"}; ` +
        `tokens are Luxon's (d, EEEE, MMMM, yyyy, HH, mm…: ${LUXON_TOKENS_URL}); ` +
        `put letters meant as text in single quotes, as in HH'h'mm`,
    );
    return undefined;
  }
  return { field, pattern: parts };
}

function checkFallback(
  alternatives: readonly (Alternative | undefined)[],
  source: string,
  problems: string[],
): void {
  const named = alternatives.flatMap((a) => (a === undefined ? [] : [a.field]));
  const twice = named.find((field, index) => named.indexOf(field) !== index);
  if (twice !== undefined && named.length === alternatives.length) {
    problems.push(`bad fallback ${source}: {${twice}} is named twice; name each field once`);
  }
}
