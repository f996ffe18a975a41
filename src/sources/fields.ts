/** Reading the untyped output of feed parsers (xml2js nodes, JSON): field helpers shared by the formats. */
import { toIsoDate, toPlainText } from "./normalize.js";

export type RawRecord = Readonly<Record<string, unknown>>;

/**
 * The summary a reader sees: the shortest meaningful text among the short fields (description,
 * summary, subtitle), else the full content.
 */
export function chooseSummary(
  shortFields: readonly (string | undefined)[],
  fullFields: readonly (string | undefined)[],
): string {
  const meaningful = (fields: readonly (string | undefined)[]) =>
    fields.map(toPlainText).filter((text) => /[\p{L}\p{N}]/u.test(text));
  const short = meaningful(shortFields).sort((a, b) => a.length - b.length)[0];
  return short ?? meaningful(fullFields)[0] ?? "";
}

export function firstDate(...candidates: readonly unknown[]): string | undefined {
  for (const candidate of candidates) {
    const date = toIsoDate(textOf(candidate));
    if (date) return date;
  }
  return undefined;
}

export function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((value) => value !== ""))];
}

/**
 * Text of an xml2js node: a string, `{_: text, $: attrs}`, an array (its first element), or for
 * mixed content (e.g. Atom type="xhtml") the text of its children.
 */
export function textOf(node: unknown): string {
  if (typeof node === "string") return node;
  if (typeof node === "number") return String(node);
  if (Array.isArray(node)) return textOf(node[0]);
  if (!isRecord(node)) return "";
  if (
    typeof node._ === "string" &&
    Object.keys(node).every((name) => name === "_" || name === "$")
  ) {
    return node._;
  }
  // xml2js keeps mixed content as text plus children by name: word order across them is lost.
  return Object.entries(node)
    .filter(([name]) => name !== "$")
    .map(([, child]) => (Array.isArray(child) ? child.map(textOf).join(" ") : textOf(child)))
    .join(" ");
}

/** An attribute of an xml2js node (`node.$[name]`), or of an attribute map itself. */
export function attribute(node: unknown, name: string): string | undefined {
  const record = asRecord(node);
  const attrs = isRecord(record.$) ? record.$ : record;
  const value = attrs[name];
  return typeof value === "string" ? value : undefined;
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function isRecord(value: unknown): value is RawRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asRecord(value: unknown): RawRecord {
  return isRecord(value) ? value : {};
}

export function asArray(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}
