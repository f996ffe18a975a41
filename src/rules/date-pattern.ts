/**
 * Date patterns in templates (pure): a Luxon pattern ("EEEE d MMMM, HH'h'mm") is split and checked
 * here, when the template is read, without loading Luxon itself: feeds.yml is read on every run,
 * dates are formatted (date-format.ts, with Luxon) only when a post is composed.
 *
 * Luxon prints letters it does not know as they are, so "EEEE dd MMMMMM" would print "MMMMMM" in
 * a post: every run of letters outside quotes must be one of its tokens, or it is a config error.
 *
 * An all-day event has no time: its pattern's time tokens are left out, with the text that joins
 * them to the rest ("EEEE d MMMM, HH'h'mm" gives "samedi 14 mars"), rather than invent 00h00.
 */

export type PatternPart =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "token"; readonly token: string };

/** A date to show: ISO 8601 with an offset, or a bare date for an all-day event. */
export interface DateValue {
  readonly iso: string;
  readonly allDay: boolean;
  /** The IANA zone the time was written in, shown when the feed names none. */
  readonly zone?: string;
}

/** Where and how dates are shown. */
export interface DateSettings {
  readonly locale: string;
  /** IANA zone every time is shown in; absent: each date's own zone, else its written offset. */
  readonly timeZone?: string;
}

export const LUXON_TOKENS_URL = "https://moment.github.io/luxon/#/formatting?id=table-of-tokens";

// Luxon 3.7's formatting tokens and localized macros (Formatter.formatDateTimeFromString).
const TIME_TOKENS = [
  ..."S SSS u uu uuu s ss m mm h hh H HH a z Z ZZ ZZZ ZZZZ ZZZZZ X x".split(" "),
  ..."t tt ttt tttt T TT TTT TTTT".split(" "),
];
const DATE_TOKENS = [
  ..."d dd c ccc cccc ccccc E EEE EEEE EEEEE L LL LLL LLLL LLLLL M MM MMM MMMM MMMMM".split(" "),
  ..."y yy yyyy yyyyyy G GG GGGGG kk kkkk W WW n nn ii iiii o ooo q qq".split(" "),
  ..."D DD DDD DDDD".split(" "),
];
/** Date-and-time macros, and the date-only macro an all-day event gets instead. */
const DATE_TIME_MACROS: Readonly<Record<string, string>> = {
  f: "D",
  ff: "DD",
  fff: "DDD",
  ffff: "DDDD",
  F: "D",
  FF: "DD",
  FFF: "DDD",
  FFFF: "DDDD",
};
const KNOWN = new Set([...TIME_TOKENS, ...DATE_TOKENS, ...Object.keys(DATE_TIME_MACROS)]);
const TIME = new Set(TIME_TOKENS);

/**
 * Splits a pattern as Luxon does: text in single quotes is literal ('' is a quote), other
 * characters group in runs of the same one. Also returns the words (runs of letters outside
 * quotes) that hold a run Luxon does not know, e.g. "MMMMMM" or "heures".
 */
export function parsePattern(pattern: string): {
  parts: PatternPart[];
  unknown: string[];
} {
  const parts: PatternPart[] = [];
  const unknown = new Set<string>();
  const text = (value: string) => parts.push({ kind: "text", text: value });
  const unquoted = (segment: string) => {
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
    // Two quotes in a row are one quote; an unclosed quote runs to the end, as in Luxon.
    text(end === quote + 1 ? "'" : pattern.slice(quote + 1, end));
    index = end + 1;
  }
  return { parts: mergeText(parts), unknown: [...unknown] };
}

/** The parts of a pattern that an all-day event can show: no time, nothing joining a time. */
export function dateOnly(parts: readonly PatternPart[]): PatternPart[] {
  const mapped = parts.map((part): PatternPart => {
    const macro = part.kind === "token" ? DATE_TIME_MACROS[part.token] : undefined;
    return macro === undefined ? part : { kind: "token", token: macro };
  });
  const isTime = (part: PatternPart | undefined) => part?.kind === "token" && TIME.has(part.token);
  const tokenNear = (index: number, step: 1 | -1) => {
    for (let at = index + step; at >= 0 && at < mapped.length; at += step) {
      if (mapped[at]?.kind === "token") return mapped[at];
    }
    return undefined;
  };
  // Text stays only when neither token beside it is a time (", " in "d MMMM, HH'h'mm" goes).
  const kept = mapped.filter((part, index) =>
    part.kind === "token"
      ? !isTime(part)
      : !isTime(tokenNear(index, -1)) && !isTime(tokenNear(index, 1)),
  );
  return mergeText(kept);
}

function mergeText(parts: readonly PatternPart[]): PatternPart[] {
  const merged: PatternPart[] = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (part.kind === "text" && last?.kind === "text") {
      merged[merged.length - 1] = { kind: "text", text: last.text + part.text };
    } else merged.push(part);
  }
  return merged;
}

/** Whether Intl can show dates in `tag` (a BCP 47 language tag such as "fr" or "en-GB"). */
export function isSupportedLocale(tag: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
}
