/**
 * The Bluesky post record, built from a text and its options (pure), and its record key. The key
 * is a TID (13 characters: 53 bits of microseconds and a 10-bit clock id) derived from the post's
 * idempotency key, so every attempt at the same post writes the same record: the PDS refuses a
 * second record at the same key, and `getRecord` tells whether the first went out. The derived
 * time lies in 2023–2024, never in the future; keys spread over about 2^56 values, so two posts of
 * one account do not collide.
 */
import { createHash } from "node:crypto";
import { detectFacets, type Facet } from "../rules/facets.js";
import type { PostImage, PublishOptions } from "./publisher.js";

export const POST_COLLECTION = "app.bsky.feed.post";
/** A blob (image) may be at most this large, for link card thumbnails and images alike. */
export const MAX_BLOB_BYTES = 1_000_000;
const MAX_LANGS = 3;
const MAX_CARD_TITLE = 300;
const MAX_CARD_DESCRIPTION = 1_000;
const MAX_ALT_TEXT = 2_000;

const TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";
const RANGE_START_US = BigInt(Date.UTC(2023, 0, 1)) * 1000n;
const RANGE_US = BigInt(Date.UTC(2025, 0, 1) - Date.UTC(2023, 0, 1)) * 1000n;

/** The record key of the post with this idempotency key: the same key always gives the same TID. */
export function recordKeyFor(idempotencyKey: string): string {
  const digest = createHash("sha256")
    .update(`crieur bluesky record key\0${idempotencyKey}`)
    .digest();
  const bits = digest.readBigUInt64BE(0);
  const micros = RANGE_START_US + ((bits >> 10n) % RANGE_US);
  const clockId = bits & 0x3ffn;
  return encodeTid((micros << 10n) | clockId);
}

/** A 63-bit value as 13 base32-sortable characters, most significant first. */
export function encodeTid(value: bigint): string {
  let text = "";
  let rest = value;
  for (let i = 0; i < 13; i++) {
    text = TID_ALPHABET.charAt(Number(rest & 31n)) + text;
    rest >>= 5n;
  }
  return text;
}

/** The microseconds a TID holds, to check that derived keys stay in their range. */
export function tidMicros(tid: string): bigint {
  let value = 0n;
  for (const character of tid) value = (value << 5n) | BigInt(TID_ALPHABET.indexOf(character));
  return value >> 10n;
}

/** An uploaded blob as the PDS returned it (`{ $type: "blob", ref, mimeType, size }`). */
export type BlobRef = unknown;

export interface PostRecord {
  readonly $type: typeof POST_COLLECTION;
  readonly text: string;
  readonly createdAt: string;
  readonly facets?: readonly Facet[];
  readonly langs?: readonly string[];
  readonly embed?: Record<string, unknown>;
}

/** What the embed needs: the link card's thumbnail, or the image when there is no link. */
export type EmbedPlan = "card" | "card-with-thumb" | "image" | "none";

/** Which embed the post gets, and why an image is left out (a note for the owner). */
export function planEmbed(options: PublishOptions): { plan: EmbedPlan; note?: string } {
  const problem = options.image === undefined ? undefined : imageProblem(options.image);
  const usable = options.image !== undefined && problem === undefined;
  const plan: EmbedPlan = options.link
    ? usable
      ? "card-with-thumb"
      : "card"
    : usable
      ? "image"
      : "none";
  return problem === undefined ? { plan } : { plan, note: `The image was left out: ${problem}.` };
}

function imageProblem(image: PostImage): string | undefined {
  if (!image.mime.startsWith("image/")) return `Bluesky takes images, not ${image.mime}`;
  if (image.bytes.length > MAX_BLOB_BYTES) {
    return `it is ${image.bytes.length} bytes, over Bluesky's ${MAX_BLOB_BYTES}`;
  }
  return undefined;
}

export function buildPostRecord(
  text: string,
  options: PublishOptions,
  createdAt: Date,
  blob: BlobRef | undefined,
): PostRecord {
  const facets = detectFacets(text);
  const langs = (options.langs ?? []).slice(0, MAX_LANGS);
  const embed = buildEmbed(options, blob);
  return {
    $type: POST_COLLECTION,
    text,
    createdAt: createdAt.toISOString(),
    ...(facets.length > 0 ? { facets } : {}),
    ...(langs.length > 0 ? { langs } : {}),
    ...(embed ? { embed } : {}),
  };
}

function buildEmbed(
  options: PublishOptions,
  blob: BlobRef | undefined,
): Record<string, unknown> | undefined {
  if (options.link) {
    return {
      $type: "app.bsky.embed.external",
      external: {
        uri: options.link.url,
        title: cut(options.link.title, MAX_CARD_TITLE),
        description: cut(options.link.description, MAX_CARD_DESCRIPTION),
        ...(blob === undefined ? {} : { thumb: blob }),
      },
    };
  }
  if (blob !== undefined && options.image) {
    return {
      $type: "app.bsky.embed.images",
      images: [{ image: blob, alt: cut(options.image.alt, MAX_ALT_TEXT) }],
    };
  }
  return undefined;
}

/** At most `max` code points, cut with an ellipsis. */
function cut(text: string, max: number): string {
  const characters = [...text];
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join("")}…`;
}
