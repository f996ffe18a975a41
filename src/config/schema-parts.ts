/** Pieces shared by the schemas of feeds.yml (schema.ts, targets-schema.ts). */

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

/** Feed ids and target names: lowercase letters, digits, '-' and '_'. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
