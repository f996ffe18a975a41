import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);
import {
  FeedParseError,
  Joiner,
  Parser,
  assignKeys,
  decodeHTMLStrict,
  describe,
  hashKey,
  replaceEvery,
  resolveBase,
  resolveLink,
  toIsoDate,
  toPlainText,
  toPlainTitle
} from "./chunk-DRHA5HHN.js";
import {
  DEFAULT_HORIZON_MS,
  isoWithOffset,
  latestFirst,
  wallTimeToUtc,
  withinHorizon
} from "./chunk-2HIWZCX5.js";
import "./chunk-ETCY7YZ6.js";
import "./chunk-3MSF6MZP.js";

// src/sources/bounds.ts
var MAX_ELEMENTS = 1e6;
var MAX_DEPTH = 512;
function tooManyElements(feedUrl, what, line) {
  return new FeedParseError(
    feedUrl,
    `the document has more than ${MAX_ELEMENTS} ${what} (at line ${line}), more than crieur reads in one feed.`
  );
}
function nestedTooDeep(feedUrl, line) {
  return new FeedParseError(
    feedUrl,
    `the document nests more than ${MAX_DEPTH} levels deep (at line ${line}), which no feed does.`
  );
}
var JSON_STRUCTURE = /["[\]{}]/g;
function checkJsonShape(text, feedUrl) {
  let containers = 0;
  let depth = 0;
  JSON_STRUCTURE.lastIndex = 0;
  for (let token = JSON_STRUCTURE.exec(text); token; token = JSON_STRUCTURE.exec(text)) {
    const char = token[0];
    if (char === '"') {
      const end = stringEnd(text, token.index + 1);
      if (end < 0) return;
      JSON_STRUCTURE.lastIndex = end + 1;
    } else if (char === "]" || char === "}") depth--;
    else {
      containers++;
      depth++;
      if (containers > MAX_ELEMENTS) {
        throw tooManyElements(
          feedUrl,
          "JSON objects and arrays",
          linesBefore(text, token.index) + 1
        );
      }
      if (depth > MAX_DEPTH) throw nestedTooDeep(feedUrl, linesBefore(text, token.index) + 1);
    }
  }
}
function stringEnd(text, from) {
  for (let quote = text.indexOf('"', from); quote >= 0; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (text[quote - 1 - backslashes] === "\\") backslashes++;
    if (backslashes % 2 === 0) return quote;
  }
  return -1;
}
function linesBefore(text, index) {
  let lines = 0;
  for (let at = text.indexOf("\n"); at >= 0 && at < index; at = text.indexOf("\n", at + 1)) {
    lines++;
  }
  return lines;
}

// src/sources/fields.ts
function chooseSummary(shortFields, fullFields) {
  const meaningful = (fields) => fields.map(toPlainText).filter((text) => /[\p{L}\p{N}]/u.test(text));
  const short = meaningful(shortFields).sort((a, b) => a.length - b.length)[0];
  return short ?? meaningful(fullFields)[0] ?? "";
}
function firstDate(...candidates) {
  for (const candidate of candidates) {
    const date = toIsoDate(textOf(candidate));
    if (date) return date;
  }
  return void 0;
}
function unique(values) {
  return [...new Set(values.filter((value) => value !== ""))];
}
function textOf(node) {
  if (typeof node === "string") return node;
  if (typeof node === "number") return String(node);
  if (Array.isArray(node)) return textOf(node[0]);
  if (!isRecord(node)) return "";
  if (typeof node._ === "string" && Object.keys(node).every((name) => name === "_" || name === "$")) {
    return node._;
  }
  return Object.entries(node).filter(([name]) => name !== "$").map(([, child]) => Array.isArray(child) ? child.map(textOf).join(" ") : textOf(child)).join(" ");
}
function attribute(node, name) {
  const record = asRecord(node);
  const attrs = isRecord(record.$) ? record.$ : record;
  const value = attrs[name];
  return typeof value === "string" ? value : void 0;
}
function stringOf(value) {
  return typeof value === "string" ? value : void 0;
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function asRecord(value) {
  return isRecord(value) ? value : {};
}
function asArray(value) {
  if (Array.isArray(value)) return value;
  return value === void 0 || value === null ? [] : [value];
}

// src/sources/item-image.ts
function itemImage(item, base, html) {
  if (!MEDIA_FIELDS.some((field) => item[field] !== void 0)) return firstImgOf(html, base);
  const enclosure = asRecord(item.enclosure);
  const group = asArray(item.mediaGroup).map(asRecord);
  const candidates = [
    { url: enclosure.url, type: enclosure.type ?? "" },
    ...asArray(item.encEnclosure).map((node) => ({
      url: attribute(node, "rdf:resource") ?? attribute(node, "resource"),
      type: attribute(node, "type") ?? ""
    })),
    ...[...asArray(item.mediaContent), ...group.flatMap((g) => asArray(g["media:content"]))].map(
      (node) => ({
        url: attribute(node, "url"),
        type: attribute(node, "type"),
        medium: attribute(node, "medium"),
        node
      })
    ),
    ...[
      ...asArray(item.mediaThumbnail),
      ...group.flatMap((g) => asArray(g["media:thumbnail"]))
    ].map((node) => ({ url: attribute(node, "url"), medium: "image" })),
    ...asArray(item.itunesImage).map((node) => ({
      url: attribute(node, "href") ?? textOf(node),
      medium: "image"
    })),
    ...asArray(item.rawLinks).filter((link) => attribute(link, "rel") === "enclosure").map((link) => ({ url: attribute(link, "href"), type: attribute(link, "type") ?? "" }))
  ];
  for (const { url, type, medium, node } of candidates) {
    if (typeof url !== "string" || !isImage(url, type, medium)) continue;
    const resolved = resolveLink(url, base);
    if (resolved === void 0 || !/^https?:/.test(resolved)) continue;
    const alt = mediaText(node) ?? group.map(mediaText).find((text) => text !== void 0);
    return { image: resolved, ...alt ? { imageAlt: alt } : {} };
  }
  return firstImgOf(html, base);
}
var MEDIA_FIELDS = [
  "enclosure",
  "encEnclosure",
  "mediaContent",
  "mediaGroup",
  "mediaThumbnail",
  "itunesImage",
  "rawLinks"
];
function firstImgOf(html, base) {
  for (const source of html) {
    const found = firstImg(source, base);
    if (found) return found;
  }
  return { image: void 0 };
}
function isImage(url, type, medium) {
  if (medium === "image") return true;
  if (typeof type === "string" && type !== "") return type.toLowerCase().startsWith("image/");
  if (typeof medium === "string") return false;
  return /\.(jpe?g|png|gif|webp|avif)(\?|#|$)/i.test(url);
}
function mediaText(node) {
  const record = asRecord(node);
  for (const name of ["media:description", "media:title"]) {
    const text = toPlainText(textOf(record[name]));
    if (text !== "") return text;
  }
  return void 0;
}
function firstImg(html, base) {
  if (!/<img\b/i.test(html)) return void 0;
  let found;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (found !== void 0 || name !== "img" || isDecoration(attributes)) return;
      const image = resolveLink(attributes.src, base);
      if (image === void 0 || !/^https?:/.test(image)) return;
      const alt = (attributes.alt ?? "").replace(/\s+/g, " ").trim();
      found = { image, ...alt ? { imageAlt: alt } : {} };
      parser.pause();
    }
  });
  parser.write(html);
  parser.end();
  return found;
}
function isDecoration(attributes) {
  if (/\b(wp-smiley|emoji)\b/i.test(attributes.class ?? "")) return true;
  const small = (value) => value !== void 0 && Number.parseInt(value, 10) < 50;
  return small(attributes.width) || small(attributes.height);
}

// src/sources/json-feed.ts
function parseJsonFeed(text, feedUrl) {
  checkJsonShape(text, feedUrl);
  let document;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new FeedParseError(
      feedUrl,
      `the document looks like JSON but is not valid JSON (${describe(error)}).`
    );
  }
  const feed = asRecord(document);
  const version = typeof feed.version === "string" ? feed.version : "";
  const isJsonFeed = /jsonfeed\.org\/version\/|^\d+(\.\d+)?$/.test(version);
  if (!isJsonFeed || !Array.isArray(feed.items)) {
    throw new FeedParseError(
      feedUrl,
      'got JSON that is not a JSON Feed (it needs a "version" such as "https://jsonfeed.org/version/1.1" and an "items" list).'
    );
  }
  const notes = [];
  const objects = feed.items.filter(isRecord);
  if (objects.length < feed.items.length) {
    notes.push(
      `ignored ${feed.items.length - objects.length} entries of "items" that are not objects`
    );
  }
  const base = resolveBase(stringOf(feed.feed_url), feedUrl);
  const feedAuthor = jsonAuthor(feed);
  const keyed2 = assignKeys(
    objects.map((item) => {
      const id = typeof item.id === "number" ? String(item.id) : stringOf(item.id);
      return {
        guid: id?.trim() || void 0,
        title: toPlainTitle(stringOf(item.title)),
        link: resolveLink(stringOf(item.url) ?? stringOf(item.external_url), base),
        published: firstDate(item.date_published, item.date_modified),
        summary: chooseSummary(
          [stringOf(item.summary)],
          [stringOf(item.content_text), stringOf(item.content_html)]
        ),
        author: jsonAuthor(item) ?? feedAuthor,
        categories: unique(asArray(item.tags).map((tag) => toPlainText(stringOf(tag)))),
        ...jsonImage(item, base)
      };
    })
  );
  return {
    title: toPlainTitle(stringOf(feed.title)),
    items: keyed2.items,
    ...keyed2.guidsRepeated ? { guidsRepeated: true } : {},
    notes: [...notes, ...keyed2.notes]
  };
}
function jsonImage(item, base) {
  const image = resolveLink(stringOf(item.image), base) ?? resolveLink(stringOf(item.banner_image), base);
  if (image !== void 0) return { image };
  return firstImg(stringOf(item.content_html) ?? "", base) ?? { image: void 0 };
}
function jsonAuthor(holder) {
  const author = asRecord(asArray(holder.authors)[0] ?? holder.author);
  return toPlainText(stringOf(author.name)) || void 0;
}

// src/sources/json-ld.ts
function parseJsonLd(text) {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(repairJson(unwrap(text)));
    } catch {
      return void 0;
    }
  }
}
function unwrap(text) {
  return text.trim().replace(/^(\/\/\s*)?<!\[CDATA\[/, "").replace(/(\/\/\s*)?\]\]>$/, "").trim().replace(/^<!--/, "").replace(/-->$/, "");
}
function repairJson(text) {
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
        out += char.charCodeAt(0) < 32 ? " " : char;
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
var EVENT_TYPES = /* @__PURE__ */ new Set([
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
  "VisualArtsEvent"
]);
function typeNames(node) {
  const types = Array.isArray(node["@type"]) ? node["@type"] : [node["@type"]];
  return types.filter((type) => typeof type === "string").map((type) => type.slice(Math.max(type.lastIndexOf("/"), type.lastIndexOf(":")) + 1));
}
function isEvent(node) {
  return typeNames(node).some((type) => EVENT_TYPES.has(type));
}
function findEvents(value, depth = 0) {
  if (depth > 20) return [];
  if (Array.isArray(value)) return value.flatMap((entry) => findEvents(entry, depth + 1));
  if (!isRecord(value)) return [];
  const own = isEvent(value) ? [value] : [];
  const nested = Object.entries(value).filter(([name]) => name !== "@context").flatMap(([, child]) => findEvents(child, depth + 1));
  return [...own, ...nested];
}

// src/sources/page.ts
var FEED_LINK_TYPES = /* @__PURE__ */ new Set([
  "application/rss+xml",
  "application/atom+xml",
  "application/feed+json",
  "application/json",
  "text/calendar"
]);
function isHtmlDocument(text) {
  let at = text.search(/\S/);
  if (text[at] !== "<") return false;
  while (at >= 0) {
    const rest = text.slice(at, at + 20);
    if (/^<!doctype\s+html\b/i.test(rest) || /^<(html|head|body)\b/i.test(rest)) return true;
    if (rest.startsWith("<?")) at = text.indexOf("?>", at);
    else if (rest.startsWith("<!--")) at = text.indexOf("-->", at);
    else return false;
    if (at < 0) return false;
    at = text.indexOf("<", at);
  }
  return false;
}
function readPage(html) {
  const scripts = [];
  const feedLinks = [];
  let base;
  let title;
  let titleDone = false;
  let script;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === "script" && /^application\/ld\+json\b/i.test(attrs.type?.trim() ?? "")) {
          script = [];
        }
        const rel = (attrs.rel ?? "").toLowerCase().split(/\s+/);
        const type = (attrs.type ?? "").toLowerCase().split(";")[0]?.trim() ?? "";
        if (name === "link" && rel.includes("alternate") && FEED_LINK_TYPES.has(type) && attrs.href) {
          feedLinks.push(attrs.href);
        }
        if (name === "base" && attrs.href && base === void 0) base = attrs.href;
        if (name === "title" && title === void 0) title = [];
      },
      ontext(text) {
        script?.push(text);
        if (title && !titleDone) title.push(text);
      },
      onclosetag(name) {
        if (name === "title") titleDone = true;
        if (name === "script" && script) {
          scripts.push(script.join(""));
          script = void 0;
        }
      }
    },
    { decodeEntities: true }
  );
  parser.write(html);
  parser.end();
  return { title: title?.join("") ?? "", scripts, feedLinks, base };
}
function notAFeedPage(pageUrl, html) {
  const { feedLinks, base } = readPage(html);
  const pageBase = resolveLink(base, pageUrl) ?? pageUrl;
  const advertised = feedLinks.map((link) => resolveLink(link, pageBase)).find(Boolean);
  const hint = advertised ? ` The page names its feed: ${advertised} \u2014 put that address in feeds.yml.` : "";
  return new FeedParseError(
    pageUrl,
    `got an HTML page, not a feed \u2014 is the URL the feed's address?${hint}`
  );
}
function parseAgendaPage(html, pageUrl, options) {
  const page = readPage(html);
  const base = resolveLink(page.base, pageUrl) ?? pageUrl;
  const notes = [];
  const values = page.scripts.map(parseJsonLd);
  const invalid = values.filter((value) => value === void 0).length;
  if (invalid > 0)
    notes.push(`${invalid} JSON-LD blocks of the page are not valid JSON and were ignored`);
  const nodes = values.flatMap((value) => findEvents(value));
  if (nodes.length === 0) throw notAFeedPage(pageUrl, html);
  const events = nodes.map((node) => readEvent(node, base, pageUrl, options, notes));
  const written = events.filter((event) => !("skipped" in event));
  const items = keyed(
    written.filter((event) => withinHorizon(event.event, options)),
    pageUrl,
    notes
  );
  return {
    title: toPlainTitle(page.title),
    items: latestFirst(items),
    notes: [...new Set(notes)],
    events
  };
}
var STATUSES = {
  EventScheduled: "confirmed",
  EventMovedOnline: "confirmed",
  EventCancelled: "cancelled",
  EventPostponed: "postponed",
  EventRescheduled: "rescheduled"
};
function readEvent(node, base, pageUrl, options, notes) {
  const title = toPlainTitle(textOf2(node.name));
  const uid = textOf2(node["@id"]).trim() || void 0;
  const start = eventDate(textOf2(node.startDate), options, notes);
  if (!start) {
    const problem = node.startDate === void 0 ? "it has no startDate" : "its startDate is not a date";
    return { title, ...uid ? { uid } : {}, skipped: problem };
  }
  const end = eventDate(textOf2(node.endDate), options, notes);
  const status = textOf2(node.eventStatus);
  const location = locationOf(node.location);
  return {
    title,
    link: resolveLink(textOf2(node.url), base) ?? pageUrl,
    summary: toPlainText(textOf2(node.description)),
    categories: [],
    image: imageOf(node.image, base),
    event: {
      start: start.text,
      ...end && end.allDay === start.allDay ? { end: end.text } : {},
      allDay: start.allDay,
      ...options.timeZone ? { timeZone: options.timeZone } : {},
      ...location ? { location } : {},
      status: STATUSES[status.slice(Math.max(status.lastIndexOf("/"), status.lastIndexOf(":")) + 1)] ?? "confirmed",
      ...uid ? { uid } : {}
    }
  };
}
function textOf2(value) {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === "number") return String(first);
  return stringOf(first) ?? "";
}
var LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
function eventDate(raw, options, notes) {
  const text = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return { text, allDay: true };
  const match = LOCAL_TIME.exec(text);
  if (match) {
    const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
    const wall = `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6] ?? "00"}`;
    const offset = match[7];
    if (offset) {
      const written = offset.toUpperCase() === "Z" ? "Z" : offset.replace(/^([+-]\d{2}):?(\d{2})$/, "$1:$2");
      return Number.isNaN(Date.parse(`${wall}${written}`)) ? void 0 : { text: `${wall}${written}`, allDay: false };
    }
    if (!options.timeZone) {
      notes.push("event times without a time zone were read as UTC: set the feed's timeZone");
      return { text: `${wall}Z`, allDay: false };
    }
    const ms = wallTimeToUtc(
      {
        year: year ?? 0,
        month: month ?? 1,
        day: day ?? 1,
        hour: hour ?? 0,
        minute: minute ?? 0,
        second: second ?? 0
      },
      options.timeZone
    );
    return { text: isoWithOffset(ms, options.timeZone), allDay: false };
  }
  const iso = toIsoDate(text);
  return iso ? { text: `${iso.slice(0, 19)}Z`, allDay: false } : void 0;
}
function locationOf(value) {
  const place = Array.isArray(value) ? value[0] : value;
  if (typeof place === "string") return toPlainText(place) || void 0;
  if (!isRecord(place)) return void 0;
  const address = asRecord(asArray(place.address)[0]);
  const parts = [
    textOf2(place.name),
    typeof place.address === "string" ? place.address : "",
    textOf2(address.streetAddress),
    [textOf2(address.postalCode), textOf2(address.addressLocality)].filter(Boolean).join(" ")
  ].map((part) => toPlainText(part));
  const unique2 = [...new Set(parts.filter((part) => part !== ""))];
  return unique2.length > 0 ? unique2.join(", ") : void 0;
}
function imageOf(value, base) {
  for (const entry of asArray(value)) {
    const url = typeof entry === "string" ? entry : textOf2(asRecord(entry).url);
    const link = resolveLink(url, base);
    if (link && /^https?:/i.test(link)) return link;
  }
  return void 0;
}
function keyed(events, pageUrl, notes) {
  const count = (values) => {
    const counts = /* @__PURE__ */ new Map();
    for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
    return counts;
  };
  const ids = count(events.map((event) => event.event.uid));
  const links = count(events.map((event) => event.link === pageUrl ? void 0 : event.link));
  const seen = /* @__PURE__ */ new Set();
  const items = [];
  for (const event of events) {
    const print = hashKey(event.link, event.title, event.event.start);
    const uid = event.event.uid;
    const link = event.link;
    const key = uid && ids.get(uid) === 1 ? uid : link && links.get(link) === 1 ? link : print;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({
      key,
      ...key !== print ? { altKeys: [print] } : {},
      title: event.title,
      link: event.link,
      published: void 0,
      summary: event.summary,
      author: void 0,
      categories: event.categories,
      image: event.image,
      event: event.event
    });
  }
  if (items.length < events.length) {
    notes.push(`${events.length - items.length} events listed twice on the page were ignored`);
  }
  return items;
}

// src/sources/xml-parser.ts
var DECLARATION_BUDGET = 2 ** 24;
async function parseXmlTree(xml, feedUrl, linesRemoved) {
  checkDeclarations(xml, feedUrl, linesRemoved);
  const { default: RssParser } = await loadRssParser();
  const rss = createRssParser(RssParser, feedUrl, linesRemoved);
  let parsing;
  try {
    parsing = rss.parseString(xml);
  } catch (error) {
    parsing = Promise.reject(error);
  }
  let result;
  try {
    result = await Promise.race([parsing, Promise.resolve(STALLED)]);
  } catch (error) {
    if (error instanceof FeedParseError) throw error;
    throw new FeedParseError(
      feedUrl,
      `the XML is broken and could not be repaired (${saxMessage(error, linesRemoved)}).`
    );
  }
  if (result === STALLED) {
    throw new FeedParseError(feedUrl, "the feed parser stopped without an answer.");
  }
  return asRecord(result);
}
var STALLED = /* @__PURE__ */ Symbol("stalled");
var rssParserModule;
function loadRssParser() {
  rssParserModule ??= import("./rss-parser-FX27PBZH.js");
  return rssParserModule;
}
function createRssParser(RssParser, feedUrl, linesRemoved) {
  let nodes = 0;
  const line = () => (insides.xmlParser?.saxParser?.line ?? 0) + 1 + linesRemoved;
  const count = (name) => {
    nodes++;
    if (nodes > MAX_ELEMENTS) throw tooManyElements(feedUrl, "XML elements and attributes", line());
    return name;
  };
  const rss = new RssParser({
    // `<rss>` without a version attribute (RSS 0.9x in the wild) is otherwise refused.
    defaultRSS: 2,
    // xml2js calls these for every attribute and element it reads: the one place to stop a
    // hostile document before its tree fills the memory.
    xml2js: {
      attrNameProcessors: [count],
      tagNameProcessors: [
        (name) => {
          if ((insides.xmlParser?.saxParser?.tags?.length ?? 0) > MAX_DEPTH) {
            throw nestedTooDeep(feedUrl, line());
          }
          return count(name);
        }
      ]
    },
    customFields: {
      feed: [["$", "feedAttrs", { keepArray: true }]],
      item: [
        ["$", "attrs", { keepArray: true }],
        ["link", "rawLinks", { keepArray: true }],
        ["guid", "rawGuids", { keepArray: true }],
        ["category", "rawCategories", { keepArray: true }],
        ["dc:subject", "dcSubjects", { keepArray: true }],
        ["media:content", "mediaContent", { keepArray: true }],
        ["media:thumbnail", "mediaThumbnail", { keepArray: true }],
        ["media:group", "mediaGroup", { keepArray: true }],
        ["itunes:image", "itunesImage", { keepArray: true }],
        ["itunes:summary", "itunesSummary"],
        ["itunes:subtitle", "itunesSubtitle"],
        ["itunes:author", "itunesAuthor"],
        ["enc:enclosure", "encEnclosure", { keepArray: true }],
        ["feedburner:origLink", "origLink"],
        "issued",
        "modified",
        "created"
      ]
    }
  });
  const insides = rss;
  const parseItemRss = insides.parseItemRss.bind(rss);
  let fieldsSeen;
  let withoutSnippets = [];
  insides.parseItemRss = (item, fields) => {
    if (fields !== fieldsSeen) {
      fieldsSeen = fields;
      withoutSnippets = fields.map(
        (field) => Array.isArray(field) && asRecord(field[2]).includeSnippet ? field.slice(0, 2) : field
      );
    }
    const { description, ...rest } = item;
    const parsed = parseItemRss(rest, withoutSnippets);
    if (description !== void 0) {
      parsed.content = contentOf(description, (nodes2) => parseItemRss({ description: nodes2 }, []));
    }
    return parsed;
  };
  const parseItemAtom = insides.parseItemAtom.bind(rss);
  insides.parseItemAtom = (entry) => {
    const { published, updated, content, ...rest } = entry;
    const parsed = parseItemAtom(rest);
    if (content !== void 0) {
      parsed.content = contentOf(content, (nodes2) => parseItemAtom({ content: nodes2 }));
    }
    return Object.assign(parsed, { atomPublished: published, atomUpdated: updated });
  };
  return rss;
}
function contentOf(nodes, rebuild) {
  const first = asArray(nodes)[0];
  if (typeof first === "string") return first;
  if (typeof asRecord(first)._ === "string") return asRecord(first)._;
  return rebuild(nodes).content;
}
function saxMessage(error, linesRemoved) {
  const match = /^([^\n]*)\nLine: (\d+)\nColumn: (\d+)/.exec(
    error instanceof Error ? error.message : ""
  );
  if (!match) return describe(error);
  const line = Number(match[2]) + 1 + linesRemoved;
  return `${match[1]?.replace(/\.$/, "")} at line ${line}, column ${match[3]}`;
}
var DECLARATION_START = /<\s*!/g;
var DECLARATION_STOP = /[>"']/g;
function checkDeclarations(xml, feedUrl, linesRemoved) {
  let cost = 0;
  DECLARATION_START.lastIndex = 0;
  for (let start = DECLARATION_START.exec(xml); start; start = DECLARATION_START.exec(xml)) {
    const body = start.index + start[0].length;
    const head = xml.slice(body, body + 7).toUpperCase();
    let end;
    if (head.startsWith("--")) end = endOf(xml, "-->", body + 2);
    else if (head === "[CDATA[") end = endOf(xml, "]]>", body + 7);
    else if (head === "DOCTYPE") end = doctypeEnd(xml, body + 7);
    else {
      end = declarationEnd(xml, body);
      cost += (end - body) ** 2;
      if (cost > DECLARATION_BUDGET) {
        const line = linesBefore(xml, start.index) + 1 + linesRemoved;
        throw new FeedParseError(
          feedUrl,
          `the XML is broken: it has more '<!\u2026>' markup that is no comment, CDATA section or doctype than can be read (too much by line ${line}).`
        );
      }
    }
    if (end < 0) return;
    DECLARATION_START.lastIndex = end;
  }
}
function endOf(xml, closer, from) {
  const at = xml.indexOf(closer, from);
  return at < 0 ? -1 : at + closer.length;
}
function declarationEnd(xml, from) {
  DECLARATION_STOP.lastIndex = from;
  for (let stop = DECLARATION_STOP.exec(xml); stop; stop = DECLARATION_STOP.exec(xml)) {
    if (stop[0] === ">") return stop.index;
    const closingQuote = xml.indexOf(stop[0], stop.index + 1);
    if (closingQuote < 0) break;
    DECLARATION_STOP.lastIndex = closingQuote + 1;
  }
  return xml.length;
}
function doctypeEnd(xml, from) {
  let close = xml.indexOf(">", from);
  for (let open = xml.indexOf("[", from); open >= 0 && (open < close || close < 0); ) {
    const subsetEnd = xml.indexOf("]", open + 1);
    if (subsetEnd < 0) return -1;
    if (close >= 0 && close < subsetEnd) close = xml.indexOf(">", subsetEnd + 1);
    open = xml.indexOf("[", subsetEnd + 1);
  }
  return close < 0 ? -1 : close + 1;
}

// src/sources/xml-repair.ts
var XML_ENTITIES = /* @__PURE__ */ new Set(["amp", "lt", "gt", "quot", "apos"]);
var XML_ILLEGAL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]+/g;
function repairXml(xml, notes) {
  const withoutControls = replaceEvery(xml, XML_ILLEGAL_CHARACTERS, "");
  if (withoutControls.length !== xml.length) notes.add("illegal control characters removed");
  if (!NEEDS_ENTITY_REPAIR.test(withoutControls)) return withoutControls;
  const out = new Joiner();
  let from = 0;
  for (const [start, end] of literalSections(withoutControls)) {
    repairEntities(withoutControls.slice(from, start), out, notes);
    out.add(withoutControls.slice(start, end));
    from = end;
  }
  repairEntities(withoutControls.slice(from), out, notes);
  return out.text();
}
var NEEDS_ENTITY_REPAIR = /&(?!(?:amp|lt|gt|quot|apos);)/;
var LITERAL_KINDS = [
  { opener: "<![CDATA[", closer: "]]>" },
  { opener: "<!--", closer: "-->" }
];
function* literalSections(text) {
  const kinds = LITERAL_KINDS.map((kind) => ({
    ...kind,
    lastCloser: text.lastIndexOf(kind.closer)
  }));
  let at = 0;
  for (let start = text.indexOf("<!"); start >= 0; start = text.indexOf("<!", at)) {
    at = start + 2;
    const kind = kinds.find(({ opener }) => text.startsWith(opener, start));
    const bodyStart = start + (kind?.opener.length ?? 0);
    if (kind === void 0 || kind.lastCloser < bodyStart) continue;
    at = text.indexOf(kind.closer, bodyStart) + kind.closer.length;
    yield [start, at];
  }
}
var ENTITY_TAIL = /#(\d+);|#[xX]([0-9a-fA-F]+);|([A-Za-z][A-Za-z0-9]*);/y;
function repairEntities(text, out, notes) {
  let from = 0;
  for (let amp = text.indexOf("&"); amp >= 0; amp = text.indexOf("&", amp + 1)) {
    ENTITY_TAIL.lastIndex = amp + 1;
    const tail = ENTITY_TAIL.exec(text);
    const whole = `&${tail?.[0] ?? ""}`;
    const repaired = repairEntity(whole, tail?.[1], tail?.[2], tail?.[3], notes);
    if (repaired === whole) continue;
    out.add(text.slice(from, amp));
    out.add(repaired);
    from = amp + whole.length;
  }
  out.add(text.slice(from));
}
function repairEntity(whole, decimal, hex, name, notes) {
  if (decimal !== void 0 || hex !== void 0) {
    const codePoint = decimal !== void 0 ? Number(decimal) : Number.parseInt(hex ?? "", 16);
    if (isXmlChar(codePoint)) return whole;
    notes.add("illegal control characters removed");
    return "";
  }
  if (name !== void 0) {
    if (XML_ENTITIES.has(name)) return whole;
    const decoded = decodeHTMLStrict(whole);
    if (decoded !== whole) {
      notes.add("HTML entities (like '&nbsp;') converted for XML");
      return [...decoded].map((char) => `&#${char.codePointAt(0)};`).join("");
    }
  }
  notes.add("bare '&' escaped");
  return `&amp;${whole.slice(1)}`;
}
function isXmlChar(codePoint) {
  return codePoint === 9 || codePoint === 10 || codePoint === 13 || codePoint >= 32 && codePoint <= 55295 || codePoint >= 57344 && codePoint <= 65533 || codePoint >= 65536 && codePoint <= 1114111;
}

// src/sources/rss-atom.ts
var FEED_ROOTS = /* @__PURE__ */ new Set(["rss", "rdf", "feed"]);
var HTML_ROOTS = /* @__PURE__ */ new Set(["html", "head", "body"]);
async function parseXmlFeed(body, feedUrl) {
  const notes = /* @__PURE__ */ new Set();
  const firstMarkup = body.search(/<[?!a-zA-Z]/);
  if (firstMarkup < 0) throw notAFeed(feedUrl, body);
  const skipped = body.slice(0, firstMarkup);
  let xml = body.slice(firstMarkup);
  if (skipped.trim() !== "") notes.add("text before the first XML tag removed");
  else if (skipped !== "" && xml.startsWith("<?xml")) {
    notes.add("blank space before the XML declaration removed");
  }
  const root = rootElement(xml);
  if (root === "doctype-html" || HTML_ROOTS.has(root?.toLowerCase() ?? "")) {
    throw notAFeedPage(feedUrl, xml);
  }
  if (root === void 0) {
    throw new FeedParseError(
      feedUrl,
      "the document ends before its first element (truncated download?)."
    );
  }
  if (!FEED_ROOTS.has(localName(root).toLowerCase())) {
    throw new FeedParseError(
      feedUrl,
      `not a feed: the document's root element is <${root}>, expected <rss>, <feed> or <rdf:RDF>.`
    );
  }
  xml = repairXml(xml, notes);
  const raw = await parseXmlTree(xml, feedUrl, linesBefore(skipped, skipped.length));
  const feedBase = resolveBase(attribute(raw.feedAttrs, "xml:base"), feedUrl);
  const atom = localName(root) === "feed";
  const drafts = asArray(raw.items).map((item) => draftFromXml(asRecord(item), feedBase, atom));
  const keyed2 = assignKeys(drafts);
  return {
    title: toPlainTitle(textOf(raw.title)),
    items: keyed2.items,
    ...keyed2.guidsRepeated ? { guidsRepeated: true } : {},
    notes: [...notes, ...keyed2.notes]
  };
}
function rootElement(xml) {
  let at = 0;
  for (; ; ) {
    BLANKS.lastIndex = at;
    at += BLANKS.exec(xml)?.[0].length ?? 0;
    const end = prologEnd(xml, at);
    if (end < 0) break;
    if (/^<!DOCTYPE\s+html\b/i.test(xml.slice(at, end))) return "doctype-html";
    at = end;
  }
  return /^<([A-Za-z_][\w:.-]*)/.exec(xml.slice(at))?.[1];
}
var BLANKS = /\s*/y;
function prologEnd(xml, at) {
  for (const [opener, closer] of PROLOG_SECTIONS) {
    if (!xml.startsWith(opener, at)) continue;
    const close = xml.indexOf(closer, at + opener.length);
    return close < 0 ? -1 : close + closer.length;
  }
  return /^<!DOCTYPE\b/i.test(xml.slice(at, at + 10)) ? doctypeEnd(xml, at + 9) : -1;
}
var PROLOG_SECTIONS = [
  ["<?", "?>"],
  ["<!--", "-->"]
];
function localName(name) {
  return name.slice(name.indexOf(":") + 1);
}
function notAFeed(feedUrl, body) {
  const excerpt = body.trim().slice(0, 40).replace(/\s+/g, " ");
  return new FeedParseError(feedUrl, `not a feed: the document starts with "${excerpt}".`);
}
function draftFromXml(item, feedBase, atom) {
  const base = resolveBase(attribute(item.attrs, "xml:base"), feedBase);
  const guid = textOf(item.guid ?? item.id).trim() || void 0;
  const link = itemLink(item, base, guid);
  const canonical = itemCanonical(item, base);
  const description = textOf(item.content);
  return {
    guid,
    title: toPlainTitle(textOf(item.title)),
    link,
    ...canonical !== void 0 && canonical !== link ? { canonical } : {},
    published: firstDate(
      item.atomPublished,
      item.pubDate,
      item.date,
      item.issued,
      item.created,
      item.atomUpdated,
      item.modified
    ),
    summary: chooseSummary(
      [
        atom ? void 0 : description,
        textOf(item.summary),
        textOf(item.itunesSummary),
        textOf(item.itunesSubtitle)
      ],
      [textOf(item["content:encoded"]), atom ? description : void 0]
    ),
    author: authorName(textOf(item.creator ?? item.author ?? item.itunesAuthor)),
    categories: unique(
      [...asArray(item.rawCategories), ...asArray(item.dcSubjects)].map(
        (category) => toPlainText(
          attribute(category, "label") ?? attribute(category, "term") ?? textOf(category)
        )
      )
    ),
    ...itemImage(item, base, [textOf(item["content:encoded"]), description])
  };
}
function authorName(raw) {
  const plain = toPlainText(raw);
  return /^\S+@\S+ \((.+)\)$/.exec(plain)?.[1] ?? (plain || void 0);
}
function itemLink(item, base, guid) {
  const links = asArray(item.rawLinks);
  const atomLinks = links.filter((link) => attribute(link, "href") !== void 0);
  if (atomLinks.length > 0) {
    const alternates = atomLinks.filter(
      (link) => ["alternate", void 0].includes(attribute(link, "rel"))
    );
    const html = alternates.find((link) => /html/i.test(attribute(link, "type") ?? "html"));
    return resolveLink(attribute(html ?? alternates[0], "href"), base);
  }
  const text = links.map(textOf).find((link) => link.trim() !== "");
  if (text !== void 0) return resolveLink(text, base);
  const permalink = attribute(asArray(item.rawGuids)[0], "isPermaLink") !== "false";
  if (guid && permalink && /^https?:\/\//i.test(guid)) return resolveLink(guid, void 0);
  return void 0;
}
function itemCanonical(item, base) {
  const rel = asArray(item.rawLinks).find((link) => attribute(link, "rel") === "canonical");
  return resolveLink(attribute(rel, "href") ?? textOf(item.origLink), base);
}

// src/sources/parse.ts
async function parseFeed(text, feedUrl, options) {
  try {
    return await parseAnyFormat(text, feedUrl, options);
  } catch (error) {
    if (error instanceof FeedParseError) throw error;
    throw new FeedParseError(feedUrl, `the feed parser failed (${describe(error)}).`);
  }
}
async function parseAnyFormat(text, feedUrl, options) {
  const body = text.replace(/^\uFEFF/, "");
  const start = body.trimStart();
  if (start === "") throw new FeedParseError(feedUrl, "the document is empty.");
  const agenda = {
    now: options.now,
    horizonMs: options.horizonMs ?? DEFAULT_HORIZON_MS,
    ...options.timeZone ? { timeZone: options.timeZone } : {}
  };
  if (options.type === "ics" || options.type === void 0 && /^BEGIN:VCALENDAR/i.test(start)) {
    const { parseCalendar } = await import("./ics-Q6DE6MUJ.js");
    return parseCalendar(body, feedUrl, agenda);
  }
  if (options.type === "page" || options.type === void 0 && isHtmlDocument(body)) {
    return parseAgendaPage(body, feedUrl, agenda);
  }
  if (start.startsWith("{") || start.startsWith("[")) return parseJsonFeed(start, feedUrl);
  return parseXmlFeed(body, feedUrl);
}
export {
  parseFeed
};
