/**
 * An item's image and what it shows, from what the feed says: an image enclosure, media:content or
 * media:thumbnail (with media:title / media:description), iTunes' image, an Atom enclosure link,
 * else the first <img> of the item's HTML (with its alt). Nothing is fetched here.
 */
import { Parser } from "htmlparser2";
import { asArray, asRecord, attribute, type RawRecord, textOf } from "./fields.js";
import { resolveLink, toPlainText } from "./normalize.js";

export interface ItemImage {
  readonly image: string | undefined;
  readonly imageAlt?: string;
}

interface Candidate {
  readonly url: unknown;
  readonly type?: unknown;
  readonly medium?: unknown;
  /** The media element, whose title or description says what the image shows. */
  readonly node?: unknown;
}

export function itemImage(
  item: RawRecord,
  base: string | undefined,
  html: readonly string[],
): ItemImage {
  // Most items name no media: their only chance is an <img> in their text.
  if (!MEDIA_FIELDS.some((field) => item[field] !== undefined)) return firstImgOf(html, base);
  const enclosure = asRecord(item.enclosure);
  const group = asArray(item.mediaGroup).map(asRecord);
  const candidates: Candidate[] = [
    { url: enclosure.url, type: enclosure.type ?? "" },
    ...asArray(item.encEnclosure).map((node) => ({
      url: attribute(node, "rdf:resource") ?? attribute(node, "resource"),
      type: attribute(node, "type") ?? "",
    })),
    ...[...asArray(item.mediaContent), ...group.flatMap((g) => asArray(g["media:content"]))].map(
      (node) => ({
        url: attribute(node, "url"),
        type: attribute(node, "type"),
        medium: attribute(node, "medium"),
        node,
      }),
    ),
    ...[
      ...asArray(item.mediaThumbnail),
      ...group.flatMap((g) => asArray(g["media:thumbnail"])),
    ].map((node) => ({ url: attribute(node, "url"), medium: "image" })),
    ...asArray(item.itunesImage).map((node) => ({
      url: attribute(node, "href") ?? textOf(node),
      medium: "image",
    })),
    ...asArray(item.rawLinks)
      .filter((link) => attribute(link, "rel") === "enclosure")
      .map((link) => ({ url: attribute(link, "href"), type: attribute(link, "type") ?? "" })),
  ];
  for (const { url, type, medium, node } of candidates) {
    if (typeof url !== "string" || !isImage(url, type, medium)) continue;
    const resolved = resolveLink(url, base);
    // Only what crieur can download: a later candidate may be.
    if (resolved === undefined || !/^https?:/.test(resolved)) continue;
    const alt = mediaText(node) ?? group.map(mediaText).find((text) => text !== undefined);
    return { image: resolved, ...(alt ? { imageAlt: alt } : {}) };
  }
  return firstImgOf(html, base);
}

const MEDIA_FIELDS = [
  "enclosure",
  "encEnclosure",
  "mediaContent",
  "mediaGroup",
  "mediaThumbnail",
  "itunesImage",
  "rawLinks",
] as const;

function firstImgOf(html: readonly string[], base: string | undefined): ItemImage {
  for (const source of html) {
    const found = firstImg(source, base);
    if (found) return found;
  }
  return { image: undefined };
}

function isImage(url: string, type: unknown, medium: unknown): boolean {
  if (medium === "image") return true;
  if (typeof type === "string" && type !== "") return type.toLowerCase().startsWith("image/");
  if (typeof medium === "string") return false;
  return /\.(jpe?g|png|gif|webp|avif)(\?|#|$)/i.test(url);
}

/** media:description, else media:title, of a media element or group (Media RSS). */
function mediaText(node: unknown): string | undefined {
  const record = asRecord(node);
  for (const name of ["media:description", "media:title"]) {
    const text = toPlainText(textOf(record[name]));
    if (text !== "") return text;
  }
  return undefined;
}

/** The first <img> of an item's HTML with an http(s) source that is a picture, not decoration. */
export function firstImg(html: string, base: string | undefined): ItemImage | undefined {
  // Most items have no image in their text: no need to parse them.
  if (!/<img\b/i.test(html)) return undefined;
  let found: ItemImage | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (found !== undefined || name !== "img" || isDecoration(attributes)) return;
      const image = resolveLink(attributes.src, base);
      if (image === undefined || !/^https?:/.test(image)) return;
      // An attribute is text already (its entities decoded): only its spaces need tidying.
      const alt = (attributes.alt ?? "").replace(/\s+/g, " ").trim();
      found = { image, ...(alt ? { imageAlt: alt } : {}) };
      parser.pause();
    },
  });
  parser.write(html);
  parser.end();
  return found;
}

/** Tracking pixels, icons and emoji (WordPress writes each emoji as an <img class="wp-smiley">). */
function isDecoration(attributes: Readonly<Record<string, string>>): boolean {
  if (/\b(wp-smiley|emoji)\b/i.test(attributes.class ?? "")) return true;
  const small = (value: string | undefined) =>
    value !== undefined && Number.parseInt(value, 10) < 50;
  return small(attributes.width) || small(attributes.height);
}
