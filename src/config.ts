/**
 * Config stage: the text of feeds.yml → one readonly Config with every default applied.
 * Validation happens here and only here; every problem in the file is reported at once, each with
 * file, line, key path, the value received and what was expected. The zod schema below is the single
 * source of truth for the TypeScript types and for schema/feeds.schema.json. Only `loadConfig`
 * touches the filesystem; nothing here touches the network or the state.
 */
import { readFile } from "node:fs/promises";
import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type YAMLError,
} from "yaml";
import { z } from "zod";
import { DEFAULT_PRICES, type Prices } from "./cost.js";
import { UsageError } from "./errors.js";
import { CLOCK_TIME, isValidTimeZone, type PostingHours } from "./posting-hours.js";

/** Placeholders a template may use, e.g. "{title} {link}". */
export const TEMPLATE_FIELDS = [
  "title",
  "link",
  "summary",
  "author",
  "date",
  "feed",
  "hashtags",
] as const;

/** One feed, with the `defaults` already applied. */
export interface FeedConfig {
  /** Stable identity: the state is keyed by it, so renaming it makes the feed look new. */
  readonly id: string;
  readonly url: string;
  readonly name: string;
  readonly template: string;
  readonly maxPostsPerRun: number;
  readonly firstRunPosts: number;
  readonly hashtags: readonly string[];
  /** Most posts in any 24 hours for this feed; unlimited when absent. */
  readonly maxPostsPerDay?: number;
  /** Items older than this (by publication date, else by when they were queued) are dropped. */
  readonly maxAgeMs?: number;
}

export interface Config {
  /** The file name as given, for messages. */
  readonly file: string;
  readonly feeds: readonly FeedConfig[];
  readonly limits: {
    readonly maxPostsPerRun: number;
    /** Most posts in any 24 hours, all feeds together; unlimited when absent. */
    readonly maxPostsPerDay?: number;
    readonly postingHours?: PostingHours;
  };
  readonly cost: {
    readonly prices: Prices;
    /** Posting stops for the rest of the month once the month's estimated cost reaches it. */
    readonly monthlyBudgetUSD?: number;
  };
  readonly fetch: {
    readonly timeoutMs: number;
    readonly maxBytes: number;
    readonly maxRedirects: number;
    readonly concurrency: number;
    /** A feed failing for longer than this makes the run fail (exit 1). */
    readonly alertAfterMs: number;
  };
}

/** One thing wrong in feeds.yml. `path` is like "feeds[2].url"; "" means the whole file. */
export interface ConfigProblem {
  readonly line: number | undefined;
  readonly path: string;
  readonly message: string;
}

/** feeds.yml cannot be used; the message has one line per problem, e.g. `feeds.yml:14: feeds[2].url: …`. */
export class ConfigError extends UsageError {
  override name = "ConfigError";
  constructor(
    readonly file: string,
    readonly problems: readonly ConfigProblem[],
  ) {
    super(problems.map((problem) => formatProblem(file, problem)).join("\n"));
  }
}

function formatProblem(file: string, { line, path, message }: ConfigProblem): string {
  return `${file}${line === undefined ? "" : `:${line}`}: ${path === "" ? "" : `${path}: `}${message}`;
}

// ---------------------------------------------------------------------------------------------
// The schema. Every message is written here for the museum's web person, not zod's defaults.

/** How a received value is named in messages. */
function shown(value: unknown): string {
  if (value === null) return "an empty value";
  if (typeof value === "string") {
    return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  }
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
  if (typeof value === "object") return "a group of 'key: value' lines";
  return String(value);
}

/** zod error option: "missing; expected …" or "expected …, got …". */
function expecting(what: string) {
  return {
    error: (issue: { readonly input?: unknown }) =>
      issue.input === undefined
        ? `missing; expected ${what}`
        : `expected ${what}, got ${shown(issue.input)}`,
  };
}

function wholeNumber(min: number, max: number) {
  const plain = expecting(`a whole number from ${min} to ${max}`);
  const error = (issue: { readonly input?: unknown }) =>
    typeof issue.input === "string" && /^[\s\d_.,'"]+$/.test(issue.input)
      ? `${plain.error(issue)}; write digits only, without quotes or separators`
      : plain.error(issue);
  return z.int({ error }).min(min, { error }).max(max, { error });
}

const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
// Letters (any script), marks, digits and '_' are what X links as a hashtag; all digits is not one.
const HASHTAG_PATTERN = /^(?=[\p{N}_]*[\p{L}\p{M}])[\p{L}\p{M}\p{N}_]+$/u;
const PLACEHOLDER = /\{([^{}]*)\}/g;
const ALLOWED_PLACEHOLDERS = TEMPLATE_FIELDS.map((field) => `{${field}}`).join(", ");

const TEMPLATE_EXPECTED = `a text with placeholders such as "{title} {link}"`;
const template = z
  .string({
    error: (issue) =>
      // Unquoted, `template: {title}` is YAML for a mapping: the classic mistake.
      issue.input !== null && typeof issue.input === "object" && !Array.isArray(issue.input)
        ? `expected ${TEMPLATE_EXPECTED}; a template that starts with "{" must be in quotes`
        : expecting(TEMPLATE_EXPECTED).error(issue),
  })
  .superRefine((text, ctx) => {
    const names = [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? "");
    if (names.length === 0) {
      ctx.addIssue({
        code: "custom",
        input: text,
        message: `expected at least one placeholder such as {title} or {link}, got ${shown(text)}`,
      });
    }
    for (const name of new Set(names)) {
      if ((TEMPLATE_FIELDS as readonly string[]).includes(name)) continue;
      const near = closest(name, TEMPLATE_FIELDS);
      const hint = near === undefined ? "" : ` did you mean "{${near}}"?`;
      ctx.addIssue({
        code: "custom",
        input: text,
        message: `unknown placeholder "{${name}}";${hint} allowed: ${ALLOWED_PLACEHOLDERS}`,
      });
    }
  })
  // Lets editors flag a template without any known placeholder.
  .meta({ pattern: `\\{(${TEMPLATE_FIELDS.join("|")})\\}` });

const hashtag = z
  .string(expecting("a word"))
  .regex(HASHTAG_PATTERN, {
    error: (issue) =>
      typeof issue.input === "string" && issue.input.startsWith("#")
        ? `write hashtags without "#": got ${shown(issue.input)}, write ${shown(issue.input.slice(1))}`
        : `expected one word of letters, digits or '_' (without "#"), got ${shown(issue.input)}`,
  })
  // Editors' validators may lack Unicode classes (\p{L}); they get a simpler, portable pattern.
  .meta({ pattern: "^[^#\\s]+$", description: "One word, without '#'." });
const hashtags = z.array(hashtag, expecting(`a list of words, such as [museum, art]`));

const TEMPLATE_HELP = `Placeholders: ${ALLOWED_PLACEHOLDERS}.`;

const DURATION = /^([1-9]\d{0,3})(h|d)$/;
const maxAge = z
  .string(expecting(`a duration such as "36h" or "7d"`))
  .regex(DURATION, expecting(`a duration such as "36h" or "7d" (hours or days)`))
  .describe(
    'Items older than this when their turn comes are dropped instead of posted late, e.g. "7d" or "36h".',
  );
const maxPostsPerDay = wholeNumber(0, 1000);
const clockTime = z
  .string(expecting(`a time such as "08:00"`))
  .regex(CLOCK_TIME, expecting(`a 24-hour time such as "08:00" or "21:30"`));
const postingHoursSchema = z
  .strictObject(
    {
      from: clockTime.describe('First minute posts may go out, e.g. "08:00".'),
      to: clockTime.describe('Posts stop at this time, e.g. "21:00".'),
      timeZone: z
        .string(expecting(`a time zone such as "Europe/Paris"`))
        .refine(isValidTimeZone, expecting(`a time zone name such as "Europe/Paris"`))
        .describe('Time zone of from and to, e.g. "Europe/Paris".'),
    },
    expecting("'from:', 'to:' and 'timeZone:' lines"),
  )
  .describe("Posts go out only between these times; outside them, items wait.");
const dollars = z
  .number(expecting("an amount in US dollars, such as 0.015"))
  .min(0, expecting("an amount of 0 or more"));

const defaultsSchema = z
  .strictObject(
    {
      template: template.describe(`Text of each post. ${TEMPLATE_HELP}`).default("{title} {link}"),
      maxPostsPerRun: wholeNumber(0, 50)
        .describe("Most posts per feed in one run; the rest wait for the next run.")
        .default(3),
      firstRunPosts: wholeNumber(0, 20)
        .describe(
          "When a feed is seen for the first time, how many of its newest items to post (0: only remember them).",
        )
        .default(0),
      hashtags: hashtags
        .describe("Words, without '#', that {hashtags} turns into hashtags.")
        .default([]),
      maxPostsPerDay: maxPostsPerDay
        .describe("Most posts per feed in any 24 hours; the rest wait. Default: no limit.")
        .optional(),
      maxAge: maxAge.optional(),
    },
    expecting("settings written as 'key: value' lines under 'defaults:'"),
  )
  .describe("Settings for every feed that does not set its own.")
  .prefault({});

const limitsSchema = z
  .strictObject(
    {
      maxPostsPerRun: wholeNumber(0, 50)
        .describe("Most posts in one run, all feeds together.")
        .default(3),
      maxPostsPerDay: maxPostsPerDay
        .describe("Most posts in any 24 hours, all feeds together. Default: no limit.")
        .optional(),
      postingHours: postingHoursSchema.optional(),
    },
    expecting("settings written as 'key: value' lines under 'limits:'"),
  )
  .describe("Limits for the whole run, all feeds together.")
  .prefault({});

const fetchSchema = z
  .strictObject(
    {
      timeoutSeconds: wholeNumber(1, 120)
        .describe("Seconds to wait for a feed before giving up until the next run.")
        .default(20),
      maxBytes: wholeNumber(10_000, 50_000_000)
        .describe("Largest feed accepted, in bytes (5000000 is 5 MB).")
        .default(5_000_000),
      maxRedirects: wholeNumber(0, 10)
        .describe("How many redirections to follow for one feed.")
        .default(5),
      concurrency: wholeNumber(1, 64)
        .describe(
          "How many feeds to download at the same time. Most of a run is waiting for servers, so many at once is fastest.",
        )
        .default(32),
      alertAfterHours: wholeNumber(1, 720)
        .describe(
          "A feed failing for longer than this many hours makes the run fail, so GitHub notifies you.",
        )
        .default(24),
    },
    expecting("settings written as 'key: value' lines under 'fetch:'"),
  )
  .describe("How feeds are downloaded.")
  .prefault({});

const costSchema = z
  .strictObject(
    {
      pricePerPostUSD: dollars
        .describe("What X bills per post without a link, in US dollars.")
        .default(DEFAULT_PRICES.perPostUSD),
      pricePerPostWithUrlUSD: dollars
        .describe("What X bills per post containing a link, in US dollars.")
        .default(DEFAULT_PRICES.perPostWithUrlUSD),
      monthlyBudgetUSD: dollars
        .describe("Posting stops for the rest of the month once the estimated cost reaches this.")
        .optional(),
    },
    expecting("settings written as 'key: value' lines under 'cost:'"),
  )
  .describe("What posting costs on X, for the estimate in each run's summary.")
  .prefault({});

const feedSchema = z
  .strictObject(
    {
      id: z
        .string(expecting(`an id such as "agenda"`))
        .regex(
          ID_PATTERN,
          expecting(
            "an id of lowercase letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters",
          ),
        )
        .describe(
          "Short permanent name of the feed (lowercase letters, digits, '-', '_'). What was posted is remembered under it: changing it makes the feed look new.",
        ),
      url: z
        .url({ protocol: /^https?$/, ...expecting("an http(s) URL") })
        .meta({ pattern: "^https?://" })
        .describe("Address of the RSS or Atom feed, starting with https:// or http://."),
      name: z
        .string(expecting("a name"))
        .trim()
        .min(1, expecting("a name"))
        .describe("Name shown in posts ({feed}) and in reports. Default: the id.")
        .optional(),
      template: template
        .describe(`This feed's post text, instead of defaults.template. ${TEMPLATE_HELP}`)
        .optional(),
      maxPostsPerRun: wholeNumber(0, 50)
        .describe("This feed's most posts in one run, instead of defaults.maxPostsPerRun.")
        .optional(),
      firstRunPosts: wholeNumber(0, 20)
        .describe(
          "Newest items posted when this feed is first seen, instead of defaults.firstRunPosts.",
        )
        .optional(),
      hashtags: hashtags
        .describe("This feed's hashtag words, without '#', instead of defaults.hashtags.")
        .optional(),
      maxPostsPerDay: maxPostsPerDay
        .describe("This feed's most posts in any 24 hours, instead of defaults.maxPostsPerDay.")
        .optional(),
      maxAge: maxAge.optional(),
    },
    expecting("a feed with at least 'id:' and 'url:'"),
  )
  .describe("One feed to post from.");

/** The shape of feeds.yml. */
export const feedsFileSchema = z
  .strictObject(
    {
      defaults: defaultsSchema,
      limits: limitsSchema,
      fetch: fetchSchema,
      cost: costSchema,
      feeds: z
        .array(feedSchema, expecting("a list of feeds, each starting with '- id:'"))
        .min(1, expecting("at least one feed"))
        .describe("The feeds to post from. Each needs an id and a url."),
    },
    expecting("'key: value' lines with at least a 'feeds:' list"),
  )
  .meta({ title: "crieur feeds.yml" })
  .describe("Which feeds crieur reads and how it posts their new items.");

/** What feeds.yml holds after validation, before defaults are applied to each feed. */
export type FeedsFile = z.output<typeof feedsFileSchema>;

/** JSON Schema of feeds.yml for editors (draft-07: what yaml-language-server understands best). */
export function feedsJsonSchema(): object {
  return z.toJSONSchema(feedsFileSchema, { target: "draft-07", io: "input" });
}

// ---------------------------------------------------------------------------------------------
// Parsing.

/** Validates feeds.yml's text. Pure. Throws a ConfigError listing every problem found. */
export function parseConfig(text: string, file: string): Config {
  const lineCounter = new LineCounter();
  // prettyErrors off: we print our own one-line position, not yaml's multi-line excerpt.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;

  if (doc.errors.length > 0) {
    // One syntax error often sets off several more on the same line; the first one is the cause.
    const byLine = new Map<number, ConfigProblem>();
    for (const error of doc.errors) {
      const line = lineAt(error.pos[0]);
      if (byLine.has(line)) continue;
      byLine.set(line, {
        line,
        path: "",
        message: `not valid YAML: ${error.message}; ${yamlHint(error)}`,
      });
    }
    throw new ConfigError(file, [...byLine.values()]);
  }
  if (doc.contents === null) {
    throw new ConfigError(file, [
      {
        line: undefined,
        path: "",
        message:
          "the file is empty; it needs at least a 'feeds:' list with one feed (an id and a url), as in crieur's example feeds.yml.",
      },
    ]);
  }

  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // yaml refuses documents that expand aliases too much (a "billion laughs" bomb).
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(file, [
      { line: undefined, path: "", message: `cannot be read: ${reason}` },
    ]);
  }

  const problems: ConfigProblem[] = [];
  const parsed = feedsFileSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(...problemsOf(issue, doc, lineAt));
  }
  problems.push(...duplicateFeeds(data, doc, lineAt));

  if (!parsed.success || problems.length > 0) {
    // Stable sort: reading order of the file, whole-file problems first.
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    throw new ConfigError(file, problems);
  }
  return resolve(parsed.data, file);
}

/** Reads and validates a feeds.yml file. Throws a ConfigError when it is missing or invalid. */
export async function loadConfig(file: string): Promise<Config> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === "ENOENT"
        ? "file not found. Create it at the root of the repository, starting from crieur's example feeds.yml."
        : `cannot be read (${code ?? String(error)}); check that it is a file and is readable.`;
    throw new ConfigError(file, [{ line: undefined, path: "", message }]);
  }
  return parseConfig(text, file);
}

function resolve(parsed: FeedsFile, file: string): Config {
  const { defaults } = parsed;
  return {
    file,
    feeds: parsed.feeds.map((feed) => ({
      id: feed.id,
      url: feed.url,
      name: feed.name ?? feed.id,
      template: feed.template ?? defaults.template,
      maxPostsPerRun: feed.maxPostsPerRun ?? defaults.maxPostsPerRun,
      firstRunPosts: feed.firstRunPosts ?? defaults.firstRunPosts,
      hashtags: feed.hashtags ?? defaults.hashtags,
      ...optional("maxPostsPerDay", feed.maxPostsPerDay ?? defaults.maxPostsPerDay),
      ...optional("maxAgeMs", durationMs(feed.maxAge ?? defaults.maxAge)),
    })),
    limits: {
      maxPostsPerRun: parsed.limits.maxPostsPerRun,
      ...optional("maxPostsPerDay", parsed.limits.maxPostsPerDay),
      ...optional("postingHours", parsed.limits.postingHours),
    },
    cost: {
      prices: {
        perPostUSD: parsed.cost.pricePerPostUSD,
        perPostWithUrlUSD: parsed.cost.pricePerPostWithUrlUSD,
      },
      ...optional("monthlyBudgetUSD", parsed.cost.monthlyBudgetUSD),
    },
    fetch: {
      timeoutMs: parsed.fetch.timeoutSeconds * 1000,
      maxBytes: parsed.fetch.maxBytes,
      maxRedirects: parsed.fetch.maxRedirects,
      concurrency: parsed.fetch.concurrency,
      alertAfterMs: parsed.fetch.alertAfterHours * 3_600_000,
    },
  };
}

/** `{ key: value }`, or nothing when the value is absent (exactOptionalPropertyTypes). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

/** "36h" or "7d" → milliseconds. */
function durationMs(text: string | undefined): number | undefined {
  const match = text === undefined ? null : DURATION.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * (match[2] === "d" ? 86_400_000 : 3_600_000);
}

/** What to do about a YAML syntax error, in words for someone who rarely writes YAML. */
function yamlHint(error: YAMLError): string {
  if (error.code === "DUPLICATE_KEY") return "this key appears twice in the same group; keep one.";
  if (error.code === "TAB_AS_INDENT") return "indent with spaces.";
  if (error.code === "MISSING_CHAR" && error.message.includes("quote")) {
    return "a quote opened on this line or above is never closed.";
  }
  if (error.message.includes("flow-map")) {
    return `a value that starts with "{" must be in quotes, e.g. template: "{title} {link}".`;
  }
  return "check the indentation and the quotes on this line and the one above.";
}

type Path = readonly PropertyKey[];
type LineAt = (offset: number) => number;

function problemsOf(issue: z.core.$ZodIssue, doc: Document, lineAt: LineAt): ConfigProblem[] {
  if (issue.code === "unrecognized_keys") {
    const known = keysAt(issue.path);
    return issue.keys.map((key) => {
      const near = closest(key, known);
      const path = [...issue.path, key];
      return {
        line: lineOf(doc, path, lineAt),
        path: formatPath(path),
        message:
          near === undefined
            ? `unknown key; expected one of: ${known.join(", ")}`
            : `unknown key; did you mean "${near}"?`,
      };
    });
  }
  return [
    { line: lineOf(doc, issue.path, lineAt), path: formatPath(issue.path), message: issue.message },
  ];
}

/** Two feeds with one id would share state; two with one URL would post every item twice. */
function duplicateFeeds(data: unknown, doc: Document, lineAt: LineAt): ConfigProblem[] {
  const feeds = (data as { feeds?: unknown } | null)?.feeds;
  if (!Array.isArray(feeds)) return [];
  const problems: ConfigProblem[] = [];
  for (const [key, what] of [
    ["id", "id"],
    ["url", "address"],
  ] as const) {
    const first = new Map<string, number>();
    feeds.forEach((feed: unknown, index) => {
      const value = (feed as Record<string, unknown> | null)?.[key];
      if (typeof value !== "string") return;
      const seen = first.get(value);
      if (seen === undefined) {
        first.set(value, index);
        return;
      }
      const firstLine = lineOf(doc, ["feeds", seen, key], lineAt);
      problems.push({
        line: lineOf(doc, ["feeds", index, key], lineAt),
        path: formatPath(["feeds", index, key]),
        message: `${shown(value)} is already the ${what} of feeds[${seen}]${firstLine === undefined ? "" : ` (line ${firstLine})`}; each feed needs its own ${what}.`,
      });
    });
  }
  return problems;
}

/** ["feeds", 2, "url"] → "feeds[2].url". */
function formatPath(path: Path): string {
  return path
    .map((segment, index) =>
      typeof segment === "number" ? `[${segment}]` : `${index === 0 ? "" : "."}${String(segment)}`,
    )
    .join("");
}

/**
 * 1-based line of the node at `path`: the key's line for a mapping entry (a block value starts
 * below it), the item's line in a list, the enclosing mapping's line when the key is missing.
 */
function lineOf(doc: Document, path: Path, lineAt: LineAt): number | undefined {
  let node: unknown = doc.contents;
  let range: readonly number[] | null | undefined = (node as { range?: number[] } | null)?.range;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (pair === undefined) break;
      range = (pair.key as { range?: number[] }).range ?? range;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      node = node.items[segment];
      const itemRange = (node as { range?: number[] } | null | undefined)?.range;
      if (itemRange === undefined) break;
      range = itemRange;
    } else {
      break;
    }
  }
  return range?.[0] === undefined ? undefined : lineAt(range[0]);
}

/** Keys the schema allows in the mapping at `path`, for "did you mean" hints. */
function keysAt(path: Path): string[] {
  let schema: unknown = feedsFileSchema;
  for (const segment of [...path, undefined]) {
    while (
      schema instanceof z.ZodOptional ||
      schema instanceof z.ZodDefault ||
      schema instanceof z.ZodPrefault
    ) {
      schema = schema.unwrap();
    }
    if (segment === undefined) break;
    if (schema instanceof z.ZodObject) schema = schema.shape[String(segment)];
    else if (schema instanceof z.ZodArray) schema = schema.element;
    else return [];
  }
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** The candidate closest to `word`, if close enough to be a typo (case, '_' and '-' ignored). */
function closest(word: string, candidates: readonly string[]): string | undefined {
  const plain = (text: string) => text.toLowerCase().replace(/[-_\s]/g, "");
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(plain(word), plain(candidate));
    if (
      distance <= Math.max(1, Math.floor(candidate.length / 4)) &&
      distance < (best?.distance ?? Infinity)
    ) {
      best = { candidate, distance };
    }
  }
  return best?.candidate;
}

/** Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const at = (r: number, c: number) => rows[r]?.[c] ?? row[c] ?? 0;
      let best = Math.min(
        at(i - 1, j) + 1,
        (row[j - 1] ?? 0) + 1,
        at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
}
