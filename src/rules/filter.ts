/**
 * Curation filters (pure): which new items a feed posts, by the words they contain, and why an
 * item is skipped, in the words the summary and the preview show ("excluded: matched "annulé" in
 * title", "not included: none of ergonom*, posture").
 *
 * Words are matched whole, on text without capitals or accents, so "ergonomie" matches
 * "L'Ergonomie", "UX" never matches "luxe", and "é" is "e"; a final "*" asks for a prefix
 * ("ergonom*" matches "ergonomique"); several words are a phrase, matched in that order; an entry
 * written "/…/i" is a regular expression, run on the field's text as the feed gives it by RE2
 * (safe-regex.ts). Terms are parsed once per run, never per item.
 */
import type { Item } from "../sources/item.js";
import { compileSafeRegex, REGEX_FLAGS, type SafeRegex } from "./safe-regex.js";

export const FILTER_FIELDS = ["title", "summary", "categories", "link", "author"] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
export const DEFAULT_FILTER_FIELDS: readonly FilterField[] = ["title", "summary", "categories"];

/** One feed's filters as written in feeds.yml (plain data: compared, printed, compiled). */
export interface FilterSpec {
  /** The item must contain one of these (any of). */
  readonly include?: readonly string[];
  /** The item must contain none of these. */
  readonly exclude?: readonly string[];
  /** Where include and exclude look; default title, summary and categories. */
  readonly fields?: readonly FilterField[];
  /** The item must have a category containing one of these. */
  readonly categories?: readonly string[];
  /** Items whose summary has fewer characters are skipped (empty teasers). */
  readonly minLength?: number;
}

/** Why the item is not posted, or undefined when it passes. */
export type Screen = (item: Item) => string | undefined;

export type Term =
  | {
      readonly kind: "words";
      readonly text: string;
      readonly words: readonly string[];
      readonly prefix: boolean;
    }
  | {
      readonly kind: "regex";
      readonly text: string;
      readonly source: string;
      readonly flags: string;
    };

const REGEX_TERM = /^\/(.+)\/([a-z]*)$/s;
const WORD = /[\p{L}\p{N}]+/gu;

/** Text without capitals, accents or other marks: what words are compared on. */
export function foldText(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The words of a text (runs of letters and digits), folded. */
export function wordsOf(text: string): string[] {
  return foldText(text).match(WORD) ?? [];
}

/** A filter entry → its term, or the reason it is not one (for feeds.yml's messages). */
export function parseTerm(entry: string): Term | { readonly error: string } {
  const text = entry.trim();
  const regex = REGEX_TERM.exec(text);
  if (regex) {
    const flags = regex[2] ?? "";
    const unknown = [...flags].find((flag) => !REGEX_FLAGS.includes(flag));
    if (unknown !== undefined) {
      return {
        error: `unknown flag "${unknown}" after the pattern; the only flag is "i" (capitals and small letters alike)`,
      };
    }
    return { kind: "regex", text, source: regex[1] ?? "", flags };
  }
  // A phrase may be written in quotes, as in a search engine: the quotes are not words.
  const unquoted = /^"(.*)"$/s.exec(text)?.[1] ?? text;
  const prefix = unquoted.endsWith("*");
  const body = prefix ? unquoted.slice(0, -1) : unquoted;
  if (body.includes("*")) {
    return {
      error: 'a "*" may only end the entry, as in ergonom* (words that start with ergonom)',
    };
  }
  const words = wordsOf(body);
  if (words.length === 0) return { error: "expected a word, with at least one letter or digit" };
  return { kind: "words", text, words, prefix };
}

/** A field's text, and its words once a term asked for them (each is computed once per item). */
interface FieldText {
  readonly raw: string;
  words?: readonly string[];
}

type Fields = Readonly<Record<FilterField, readonly FieldText[]>>;

/** The compiled filters of a feed: parsed and compiled once, then run on every new item. */
export async function compileFilter(spec: FilterSpec): Promise<Screen> {
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
        const has =
          item.categories.length === 0
            ? "it has none"
            : `its categories: ${shortList(item.categories)}`;
        return `not in categories: ${shortList(categories.map((term) => term.text))} (${has})`;
      }
    }
    for (const term of exclude) {
      const field = fields.find((name) => term.matches(texts[name]));
      if (field !== undefined) return `excluded: matched ${shownTerm(term)} in ${field}`;
    }
    if (include.length > 0) {
      const included = include.some((term) => fields.some((name) => term.matches(texts[name])));
      if (!included) return `not included: none of ${shortList(include.map((term) => term.text))}`;
    }
    const length = [...item.summary].length;
    if (length < minLength) {
      return `too short: the summary has ${length} characters, minLength is ${minLength}`;
    }
    return undefined;
  };
}

interface CompiledTerm {
  readonly text: string;
  readonly kind: Term["kind"];
  /** Whether the term occurs in one of the texts (a field may hold several: categories). */
  matches(texts: readonly FieldText[]): boolean;
}

async function compileTerms(entries: readonly string[]): Promise<CompiledTerm[]> {
  const terms: CompiledTerm[] = [];
  for (const entry of entries) {
    const term = parseTerm(entry);
    // feeds.yml was validated when loaded: an entry that is not a term cannot reach this point.
    if ("error" in term) throw new Error(`Filter entry ${JSON.stringify(entry)}: ${term.error}`);
    if (term.kind === "regex") {
      const regex: SafeRegex = await compileSafeRegex(term.source, term.flags);
      const matches = (texts: readonly FieldText[]) => texts.some((text) => regex.test(text.raw));
      terms.push({ text: term.text, kind: "regex", matches });
    } else {
      const matches = (texts: readonly FieldText[]) =>
        texts.some((text) => containsWords(term, wordsOfField(text)));
      terms.push({ text: term.text, kind: "words", matches });
    }
  }
  return terms;
}

function wordsOfField(text: FieldText): readonly string[] {
  text.words ??= wordsOf(text.raw);
  return text.words;
}

/** Whether `words` occur in `tokens` in a row, the last one as a prefix when `prefix`. */
function containsWords(
  term: { readonly words: readonly string[]; readonly prefix: boolean },
  tokens: readonly string[],
): boolean {
  const n = term.words.length;
  for (let start = 0; start + n <= tokens.length; start++) {
    let all = true;
    for (let j = 0; j < n && all; j++) {
      const token = tokens[start + j] as string;
      const word = term.words[j] as string;
      all = j === n - 1 && term.prefix ? token.startsWith(word) : token === word;
    }
    if (all) return true;
  }
  return false;
}

function fieldTexts(item: Item): Fields {
  const texts = (...values: (string | undefined)[]): FieldText[] =>
    values.flatMap((raw) => (raw === undefined || raw === "" ? [] : [{ raw }]));
  return {
    title: texts(item.title),
    summary: texts(item.summary),
    categories: texts(...item.categories),
    link: texts(item.link),
    author: texts(item.author),
  };
}

function shownTerm(term: CompiledTerm): string {
  return term.kind === "regex" ? term.text : `"${term.text.replace(/^"(.*)"$/s, "$1")}"`;
}

/** "a, b, c" — at most five, then "…": a reason stays one line. */
function shortList(values: readonly string[]): string {
  const shown = values.slice(0, 5).join(", ");
  return values.length > 5 ? `${shown}, …` : shown;
}
