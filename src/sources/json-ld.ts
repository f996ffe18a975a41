/**
 * JSON-LD as web pages write it → the schema.org Event objects in it. Pages get JSON wrong in a
 * few ways that a reader forgives: the block wrapped in an HTML comment or CDATA, comments in the
 * JSON, raw line breaks and control characters inside strings, a comma before a closing bracket.
 * Each is repaired only when plain JSON.parse fails.
 */
import { isRecord, type RawRecord } from "./fields.js";

/** The block's value, or undefined when even the repaired text is not JSON. */
export function parseJsonLd(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(repairJson(unwrap(text)));
    } catch {
      return undefined;
    }
  }
}

/** `<!-- … -->` and `//<![CDATA[ … //]]>` around a script's content. */
function unwrap(text: string): string {
  return text
    .trim()
    .replace(/^(\/\/\s*)?<!\[CDATA\[/, "")
    .replace(/(\/\/\s*)?\]\]>$/, "")
    .trim()
    .replace(/^<!--/, "")
    .replace(/-->$/, "");
}

/**
 * One pass over the text, knowing where strings are: comments and commas before `}` or `]` are
 * dropped outside strings; control characters inside strings become spaces.
 */
export function repairJson(text: string): string {
  let out = "";
  let inString = false;
  let pendingComma = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] ?? "";
    if (inString) {
      if (char === "\\") {
        out += char + (text[index + 1] ?? "");
        index++;
      } else {
        if (char === '"') inString = false;
        out += char.charCodeAt(0) < 0x20 ? " " : char;
      }
      continue;
    }
    if (char === "/" && text[index + 1] === "/") {
      const end = text.indexOf("\n", index);
      index = end < 0 ? text.length : end;
      continue;
    }
    if (char === "/" && text[index + 1] === "*") {
      const end = text.indexOf("*/", index + 2);
      index = end < 0 ? text.length : end + 1;
      continue;
    }
    if (/\s/.test(char)) continue;
    if (pendingComma) {
      if (char !== "}" && char !== "]") out += ",";
      pendingComma = false;
    }
    if (char === ",") {
      pendingComma = true;
      continue;
    }
    if (char === '"') inString = true;
    out += char;
  }
  return out;
}

/** schema.org Event and its subtypes. */
const EVENT_TYPES = new Set([
  "Event",
  "BusinessEvent",
  "ChildrensEvent",
  "ComedyEvent",
  "CourseInstance",
  "DanceEvent",
  "DeliveryEvent",
  "EducationEvent",
  "EventSeries",
  "ExhibitionEvent",
  "Festival",
  "FoodEvent",
  "Hackathon",
  "LiteraryEvent",
  "MusicEvent",
  "PublicationEvent",
  "BroadcastEvent",
  "OnDemandEvent",
  "SaleEvent",
  "ScreeningEvent",
  "SocialEvent",
  "SportsEvent",
  "TheaterEvent",
  "VisualArtsEvent",
]);

/** "Event", "schema:Event", "https://schema.org/Event" alike. */
function typeNames(node: RawRecord): string[] {
  const types = Array.isArray(node["@type"]) ? node["@type"] : [node["@type"]];
  return types
    .filter((type): type is string => typeof type === "string")
    .map((type) => type.slice(Math.max(type.lastIndexOf("/"), type.lastIndexOf(":")) + 1));
}

export function isEvent(node: RawRecord): boolean {
  return typeNames(node).some((type) => EVENT_TYPES.has(type));
}

/**
 * Every Event object in a JSON-LD value, in document order: at the top, in a list, in `@graph`,
 * or nested anywhere (an ItemList's elements, a festival's subEvent). Depth is bounded.
 */
export function findEvents(value: unknown, depth = 0): RawRecord[] {
  if (depth > 20) return [];
  if (Array.isArray(value)) return value.flatMap((entry) => findEvents(entry, depth + 1));
  if (!isRecord(value)) return [];
  const own = isEvent(value) ? [value] : [];
  const nested = Object.entries(value)
    .filter(([name]) => name !== "@context")
    .flatMap(([, child]) => findEvents(child, depth + 1));
  return [...own, ...nested];
}
