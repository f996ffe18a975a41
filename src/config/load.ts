/**
 * Config wing: the text of feeds.yml → one readonly Config (`defaults.ts`), checked against the
 * zod schema (`schema.ts`). Validation happens here and only here; every problem in the file is
 * reported at once, each with file, line, key path, the value received and what was expected.
 * Only `loadConfig` touches the filesystem; nothing in config/ touches the network or the state.
 * May import: errors, rules (pure types and checks).
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
import * as z from "zod";
import { UsageError } from "../errors.js";
import { parseTerm } from "../rules/filter.js";
import { compileSafeRegex, RegexSyntaxError } from "../rules/safe-regex.js";
import { type Config, DEFAULT_TARGETS, resolveConfig } from "./defaults.js";
import { closest } from "./did-you-mean.js";
import { type FeedsFile, feedsFileSchema } from "./schema.js";
import { shown } from "./schema-parts.js";

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
// Parsing.

/**
 * Validates feeds.yml's text. Pure. Throws a ConfigError listing every problem found. Regular
 * expressions in filters are checked for their form only: `validateConfig` compiles them too.
 */
export function parseConfig(text: string, file: string): Config {
  return resolveConfig(validated(text, file).data, file);
}

/** Everything parseConfig checks, and the filters' regular expressions compiled by their engine. */
export async function validateConfig(text: string, file: string): Promise<Config> {
  const { data, doc, lineAt } = validated(text, file);
  const problems = await patternProblems(data, doc, lineAt);
  if (problems.length > 0) throw new ConfigError(file, problems);
  return resolveConfig(data, file);
}

interface Validated {
  readonly data: FeedsFile;
  readonly doc: Document;
  readonly lineAt: LineAt;
}

function validated(text: string, file: string): Validated {
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
  problems.push(...unknownTargets(data, doc, lineAt));

  if (!parsed.success || problems.length > 0) {
    // Stable sort: reading order of the file, whole-file problems first.
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    throw new ConfigError(file, problems);
  }
  return { data: parsed.data, doc, lineAt };
}

/** Regular expressions of the filters that their engine refuses, each at its line. */
async function patternProblems(
  data: FeedsFile,
  doc: Document,
  lineAt: LineAt,
): Promise<ConfigProblem[]> {
  const lists: [Path, readonly string[] | undefined][] = [];
  for (const key of ["include", "exclude", "categories"] as const) {
    lists.push([["defaults", key], data.defaults[key]]);
    data.feeds.forEach((feed, index) => {
      lists.push([["feeds", index, key], feed[key]]);
    });
  }
  const problems: ConfigProblem[] = [];
  for (const [path, entries] of lists) {
    for (const [index, entry] of (entries ?? []).entries()) {
      const term = parseTerm(entry);
      if ("error" in term || term.kind !== "regex") continue;
      try {
        await compileSafeRegex(term.source, term.flags);
      } catch (error) {
        if (!(error instanceof RegexSyntaxError)) throw error;
        const at = [...path, index];
        problems.push({
          line: lineOf(doc, at, lineAt),
          path: formatPath(at),
          message: `${shown(entry)} is not a pattern crieur can use: ${(error as Error).message}.`,
        });
      }
    }
  }
  return problems;
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
  return validateConfig(text, file);
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

/** A feed naming a target that `targets:` does not define would silently post nowhere. */
function unknownTargets(data: unknown, doc: Document, lineAt: LineAt): ConfigProblem[] {
  const file = data as { feeds?: unknown; targets?: unknown } | null;
  if (!Array.isArray(file?.feeds)) return [];
  const defined =
    typeof file.targets === "object" && file.targets !== null
      ? Object.keys(file.targets)
      : DEFAULT_TARGETS.map((target) => target.name);
  const problems: ConfigProblem[] = [];
  file.feeds.forEach((feed: unknown, index) => {
    const names = (feed as { targets?: unknown } | null)?.targets;
    if (!Array.isArray(names)) return;
    names.forEach((name: unknown, at) => {
      if (typeof name !== "string" || defined.includes(name)) return;
      const near = closest(name, defined);
      const path = ["feeds", index, "targets", at];
      problems.push({
        line: lineOf(doc, path, lineAt),
        path: formatPath(path),
        message:
          `no target named ${shown(name)} under 'targets:'` +
          (near === undefined ? `; defined: ${defined.join(", ")}` : `; did you mean "${near}"?`),
      });
    });
  });
  return problems;
}

/** Two feeds with one id would share state; two with one URL would post every item twice. */
function duplicateFeeds(data: unknown, doc: Document, lineAt: LineAt): ConfigProblem[] {
  const feeds = (data as { feeds?: unknown } | null)?.feeds;
  if (!Array.isArray(feeds)) return [];
  const problems: ConfigProblem[] = [];
  for (const [key, what, sameAs] of [
    ["id", "id", (id: string) => id],
    ["url", "address", sameFeedAddress],
  ] as const) {
    const first = new Map<string, { index: number; value: string }>();
    feeds.forEach((feed: unknown, index) => {
      const value = (feed as Record<string, unknown> | null)?.[key];
      if (typeof value !== "string") return;
      const seen = first.get(sameAs(value));
      if (seen === undefined) {
        first.set(sameAs(value), { index, value });
        return;
      }
      const firstLine = lineOf(doc, ["feeds", seen.index, key], lineAt);
      const where = `feeds[${seen.index}]${firstLine === undefined ? "" : ` (line ${firstLine})`}`;
      problems.push({
        line: lineOf(doc, ["feeds", index, key], lineAt),
        path: formatPath(["feeds", index, key]),
        message:
          seen.value === value
            ? `${shown(value)} is already the ${what} of ${where}; each feed needs its own ${what}.`
            : `${shown(value)} is the same feed as ${shown(seen.value)}, the ${what} of ${where}: ` +
              'http or https, a final "/", capitals in the host name, a default port or a "#…" ' +
              "make no difference; keep one of the two.",
      });
    });
  }
  return problems;
}

/**
 * What makes two feed addresses the same feed: sites answer on http and https alike, with or
 * without a final "/", and a fragment is never sent to the server.
 */
function sameFeedAddress(address: string): string {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return address;
  }
  // URL already lower-cases the host and drops the scheme's default port.
  const path = url.pathname.replace(/\/+$/, "");
  return `${url.username}:${url.password}@${url.host}${path}${url.search}`;
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
