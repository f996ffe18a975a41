/**
 * An image for a post on X: checked against X's limits, uploaded through the v2 media endpoints
 * (initialize, append, finalize, then status while X processes it: `client.v2.uploadMedia`; the
 * v1.1 upload is retired) and described with its alt text. Any failure leaves the image out with
 * a note for the owner; the post goes out without it.
 */
import type { TwitterApi } from "twitter-api-v2";
import type { PostImage } from "./publisher.js";

/** What X takes for an image in a post. */
const X_IMAGE_TYPES = ["image/jpeg", "image/png", "image/gif", "image/webp"] as const;
const X_IMAGE_MAX_BYTES = 5 * 1024 * 1024;
const X_ALT_TEXT_MAX = 1000;
/** An upload that takes longer is given up: the post is more important than its image. */
const UPLOAD_TIMEOUT_MS = 60_000;

type UploadOutcome =
  | { readonly mediaId: string; readonly note?: string }
  | { readonly leftOut: string; readonly timedOut?: true };

export async function uploadImage(
  client: TwitterApi,
  image: PostImage,
  describe: (error: unknown) => string,
): Promise<UploadOutcome> {
  const problem = imageProblem(image);
  if (problem !== undefined) return { leftOut: `The image was left out: ${problem}.` };
  const timedOut = Symbol("timed out");
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof timedOut>((resolve) => {
    timer = setTimeout(() => resolve(timedOut), UPLOAD_TIMEOUT_MS);
  });
  try {
    const upload = async (): Promise<UploadOutcome> => {
      const mediaId = await client.v2.uploadMedia(Buffer.from(image.bytes), {
        media_type: image.mime as (typeof X_IMAGE_TYPES)[number],
        media_category: image.mime === "image/gif" ? "tweet_gif" : "tweet_image",
      });
      const alt = [...image.alt.trim()].slice(0, X_ALT_TEXT_MAX).join("");
      if (alt === "") return { mediaId };
      try {
        await client.v2.createMediaMetadata(mediaId, { alt_text: { text: alt } });
        return { mediaId };
      } catch (error) {
        // Better a picture without its description than no picture.
        return { mediaId, note: `The image went out without its alt text (${describe(error)}).` };
      }
    };
    const outcome = await Promise.race([upload(), timeout]);
    if (outcome !== timedOut) return outcome;
    return {
      leftOut: `The image was left out: X took longer than ${UPLOAD_TIMEOUT_MS / 1000} s to take it.`,
      timedOut: true,
    };
  } catch (error) {
    return { leftOut: `The image was left out: X did not take it (${describe(error)}).` };
  } finally {
    clearTimeout(timer);
  }
}

function imageProblem(image: PostImage): string | undefined {
  if (!(X_IMAGE_TYPES as readonly string[]).includes(image.mime)) {
    return `X does not take ${image.mime} images`;
  }
  if (image.bytes.length > X_IMAGE_MAX_BYTES) {
    return `it is ${image.bytes.length} bytes, over X's ${X_IMAGE_MAX_BYTES}`;
  }
  return undefined;
}
