/** Pieces the schema files share: how a problem is worded (the value received, what was expected), durations. */
import * as z from "zod";

/** How a received value is named in messages. */
export function shown(value: unknown): string {
  if (value === null) return "an empty value";
  if (typeof value === "string") {
    return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  }
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
  if (typeof value === "object") return "a group of 'key: value' lines";
  return String(value);
}

/** zod error option: "missing; expected …" or "expected …, got …". */
export function expecting(what: string) {
  return {
    error: (issue: { readonly input?: unknown }) =>
      issue.input === undefined
        ? `missing; expected ${what}`
        : `expected ${what}, got ${shown(issue.input)}`,
  };
}

export function wholeNumber(min: number, max: number) {
  const plain = expecting(`a whole number from ${min} to ${max}`);
  const error = (issue: { readonly input?: unknown }) =>
    typeof issue.input === "string" && /^[\s\d_.,'"]+$/.test(issue.input)
      ? `${plain.error(issue)}; write digits only, without quotes or separators`
      : plain.error(issue);
  return z.int({ error }).min(min, { error }).max(max, { error });
}

/** "36h" or "7d": a duration in hours or days. */
export const DURATION = /^([1-9]\d{0,3})(h|d)$/;
/** Feed ids and target names: lowercase letters, digits, '-' and '_'. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
