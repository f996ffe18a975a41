/**
 * Regular expressions of feeds.yml's filters, run by RE2 (re2js, a pure JavaScript port): its
 * matching time grows with the text's length only, whatever the pattern, so no pattern can make
 * a run hang — the price is that RE2 has no look-arounds and no back-references, which load time
 * refuses with a message. The engine is loaded on first use: runs without a pattern never pay it.
 */
import { UsageError } from "../errors.js";

/** Longest text a pattern reads in one field: longer summaries are cut, to bound the time. */
export const MAX_REGEX_INPUT = 10_000;

/** Flags a filter's pattern may carry after its closing "/". */
export const REGEX_FLAGS = "i";

export interface SafeRegex {
  test(text: string): boolean;
}

type Engine = typeof import("re2js");
let engine: Promise<Engine> | undefined;

function loadEngine(): Promise<Engine> {
  engine ??= import("re2js");
  return engine;
}

/** A pattern crieur cannot run, with the reason in words. */
export class RegexSyntaxError extends UsageError {
  override name = "RegexSyntaxError";
}

/** Compiles `/source/flags`; throws a RegexSyntaxError saying what is wrong. */
export async function compileSafeRegex(source: string, flags: string): Promise<SafeRegex> {
  const { RE2JS } = await loadEngine();
  let compiled: InstanceType<Engine["RE2JS"]>;
  try {
    compiled = RE2JS.compile(source, flags.includes("i") ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (error) {
    const description =
      typeof (error as { getDescription?: unknown }).getDescription === "function"
        ? (error as { getDescription(): string }).getDescription()
        : String(error);
    throw new RegexSyntaxError(
      `${description}. Patterns have no look-arounds such as (?=…) or (?!…) and no ` +
        "back-references such as \\1: crieur runs them with an engine that can never hang a run",
    );
  }
  return {
    test: (text) =>
      compiled.test(text.length > MAX_REGEX_INPUT ? text.slice(0, MAX_REGEX_INPUT) : text),
  };
}
