/**
 * Rendering a read template (template.ts) with one post's fields: fallbacks, caps, dates
 * (date-format.ts, with Luxon), and lines whose placeholders are all empty removed. Pure.
 */
import { formatDate, sameDay } from "./date-format.js";
import type { DateSettings, DateValue } from "./date-pattern.js";
import {
  type Alternative,
  DATE_FIELDS,
  type DateField,
  type Template,
  type TemplateField,
  type TextField,
} from "./template.js";

const ELLIPSIS = "…";

/** What a post is made of: plain texts, dates, and where and how dates are shown. */
export interface RenderFields extends DateSettings {
  readonly text: Readonly<Partial<Record<TextField, string>>>;
  readonly dates: Readonly<Partial<Record<DateField, DateValue>>>;
}

export function renderTemplate(template: Template, fields: RenderFields): string {
  const lines: string[] = [];
  for (const line of template.lines) {
    let text = "";
    let placeholders = 0;
    let filled = 0;
    let afterHashtags = false;
    for (const segment of line) {
      if (segment.kind === "text") {
        // A hashtag ends at the first character that is not a letter, digit or "_".
        const glued = afterHashtags && /^[\p{L}\p{M}\p{N}_]/u.test(segment.text);
        text += glued ? ` ${segment.text}` : segment.text;
        afterHashtags = false;
        continue;
      }
      placeholders++;
      const { value, field } = firstFilled(segment.alternatives, fields);
      if (value === "") continue;
      filled++;
      // Never inside a word: "Expo{hashtags}" still gives "Expo #art".
      text += field === "hashtags" && /[\p{L}\p{M}\p{N}_]$/u.test(text) ? ` ${value}` : value;
      afterHashtags = field === "hashtags";
    }
    if (placeholders > 0 && filled === 0) continue;
    lines.push(text.replace(/[ \t]+/g, " ").trim());
  }
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function firstFilled(
  alternatives: readonly Alternative[],
  fields: RenderFields,
): { value: string; field?: TemplateField } {
  for (const alternative of alternatives) {
    const value = alternativeValue(alternative, fields).trim();
    if (value !== "") return { value, field: alternative.field };
  }
  return { value: "" };
}

function alternativeValue(alternative: Alternative, fields: RenderFields): string {
  const { field } = alternative;
  if ((DATE_FIELDS as readonly string[]).includes(field)) {
    const date = fields.dates[field as DateField];
    if (date === undefined) return "";
    if (alternative.pattern !== undefined) return formatDate(date, alternative.pattern, fields);
    if (field === "date") return formatDate(date, "published", fields);
    // "{start} – {end}" on one day: the end is only a time.
    const start = fields.dates.start;
    const endOnStartDay =
      field === "end" && !date.allDay && start !== undefined && sameDay(start, date, fields);
    return formatDate(date, endOnStartDay ? "time" : "event", fields);
  }
  const value = fields.text[field as TextField] ?? "";
  return alternative.cap === undefined ? value : capped(value, alternative.cap);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** At most `cap` characters (graphemes), cut at a word boundary with an ellipsis. */
export function capped(value: string, cap: number): string {
  const characters = [...graphemes.segment(value)].map((part) => part.segment);
  if (characters.length <= cap) return value;
  const room = characters.slice(0, cap - 1).join("");
  const cutsWord = !/\s/.test(characters[cap - 1] ?? " ");
  const atWord = cutsWord ? room.replace(/\s\S*$/, "") : room;
  const trimmed = (atWord.trim() === "" ? room : atWord).replace(/[\s.,;:!?–—-]+$/u, "");
  return `${trimmed}${ELLIPSIS}`;
}
