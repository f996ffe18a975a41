/**
 * What a post carries besides its text: the link card (Bluesky makes one from it; the others
 * build their own from the page) and, when the feed asks (`image: true`) and the network takes
 * one, the item's image with its alt text. An image that cannot be had is left out with a
 * warning: it never holds the post back.
 */
import type { FeedConfig } from "../config/defaults.js";
import type { PostImage, Publisher, PublishOptions } from "../publishers/publisher.js";
import type { Log } from "../report/log.js";
import type { FeedReport } from "../report/report.js";
import type { PendingPost } from "../state/feed-state.js";

/** Downloads an image (sources/image.ts); rejects with a message saying why it could not. */
export type ImageFetcher = (url: string) => Promise<{ bytes: Uint8Array; mime: string }>;

interface AttachmentDeps {
  readonly publisher: Publisher;
  readonly fetchImage?: ImageFetcher;
  readonly log: Log;
  /** " to 'name'" when the run has several targets, for messages. */
  readonly onTarget: string;
}

export async function attachmentsOf(
  feed: FeedConfig,
  pending: PendingPost,
  report: FeedReport,
  deps: AttachmentDeps,
): Promise<Pick<PublishOptions, "image" | "link">> {
  const { item } = pending;
  const link = item.link
    ? { link: { url: item.link, title: item.title, description: item.summary } }
    : {};
  if (feed.image !== true || item.image === undefined || deps.fetchImage === undefined) return link;
  try {
    // Asked inside: a network whose limits cannot be read this time loses the image, not the post.
    const maxImages = (await deps.publisher.limits?.())?.maxImages ?? 0;
    if (maxImages < 1) return link;
    const { bytes, mime } = await deps.fetchImage(item.image);
    const image: PostImage = { bytes, mime, alt: item.imageAlt ?? item.title };
    return { ...link, image };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const note = `The image of "${item.title}" was left out${deps.onTarget}: ${reason}`;
    deps.log.warning(`Feed '${feed.id}': ${note}`);
    report.notes.push(note);
    return link;
  }
}
