/**
 * Image download, a network edge like fetch.ts and with its safety: one time limit over redirects,
 * headers and body, a byte cap while streaming, at most a few redirects and only to http(s), and
 * only an image the networks take (JPEG, PNG, GIF, WebP), by its Content-Type (an image type, or
 * octet-stream) and its first bytes (a page or an error message served as "image/jpeg" is refused). It never retries: an image that
 * fails is left out of its post, which goes out without it.
 */
import { CrieurError } from "../errors.js";
import { DEFAULT_FETCH_OPTIONS, type FetchOptions } from "./fetch.js";
import { FeedFetchError, formatBytes, formatDuration } from "./fetch-error.js";
import { discard, isSuccess, REDIRECT_STATUSES, readCapped, request } from "./http-get.js";

export interface DownloadedImage {
  readonly bytes: Uint8Array;
  /** e.g. "image/jpeg", as the bytes show it. */
  readonly mime: string;
}

export interface ImageFetchOptions
  extends Pick<FetchOptions, "timeoutMs" | "maxRedirects" | "userAgent"> {
  readonly maxBytes: number;
}

/** X takes images up to 5 MB; Mastodon more, Bluesky less (its publisher checks its own). */
export const DEFAULT_IMAGE_OPTIONS: ImageFetchOptions = {
  timeoutMs: DEFAULT_FETCH_OPTIONS.timeoutMs,
  maxRedirects: DEFAULT_FETCH_OPTIONS.maxRedirects,
  userAgent: DEFAULT_FETCH_OPTIONS.userAgent,
  maxBytes: 5_000_000,
};

/** Why an image was left out, in words for the owner's warning. */
export class ImageFetchError extends CrieurError {
  override name = "ImageFetchError";
}

const SIGNATURES: readonly {
  readonly mime: string;
  readonly matches: (b: Uint8Array) => boolean;
}[] = [
  { mime: "image/jpeg", matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: "image/png", matches: (b) => ascii(b, 1, 4) === "PNG" && b[0] === 0x89 },
  { mime: "image/gif", matches: (b) => ascii(b, 0, 4) === "GIF8" },
  { mime: "image/webp", matches: (b) => ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP" },
];

/**
 * A downloader for one run: each image is fetched once, whichever targets and re-sends ask for it.
 */
export function imageFetcher(options: ImageFetchOptions) {
  const downloads = new Map<string, Promise<DownloadedImage>>();
  return (url: string): Promise<DownloadedImage> => {
    let download = downloads.get(url);
    if (download === undefined) {
      download = fetchImage(url, options);
      downloads.set(url, download);
    }
    return download;
  };
}

/** Downloads one image; rejects only with ImageFetchError. */
export async function fetchImage(
  url: string,
  options: ImageFetchOptions,
): Promise<DownloadedImage> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  const headers = {
    accept: "image/jpeg, image/png, image/gif, image/webp;q=0.9, */*;q=0.1",
    "user-agent": options.userAgent,
  };
  let current = httpUrl(url);
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await request(current, headers, signal, options.timeoutMs);
      if (REDIRECT_STATUSES.has(response.status)) {
        discard(response);
        const location = response.header("location");
        const next = location === undefined ? undefined : httpUrl(location, current);
        if (next === undefined) throw new ImageFetchError(`${url} redirects nowhere.`);
        if (redirects >= options.maxRedirects) {
          throw new ImageFetchError(`${url} redirects more than ${options.maxRedirects} times.`);
        }
        current = next;
        continue;
      }
      if (!isSuccess(response)) {
        discard(response);
        throw new ImageFetchError(`${current.href} answered HTTP ${response.status}.`);
      }
      const declared = (response.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
      // Storage services often serve any file as octet-stream: the bytes decide then.
      if (!declared?.startsWith("image/") && !declared?.endsWith("/octet-stream")) {
        discard(response);
        throw new ImageFetchError(
          `${current.href} is not an image (${declared || "no Content-Type"}).`,
        );
      }
      const bytes = await readCapped(
        response,
        current.href,
        signal,
        options,
        () =>
          new ImageFetchError(`${current.href} is larger than ${formatBytes(options.maxBytes)}.`),
      );
      const mime = SIGNATURES.find((signature) => signature.matches(bytes))?.mime;
      if (mime === undefined) {
        throw new ImageFetchError(
          `${current.href} is not a JPEG, PNG, GIF or WebP image (it says ${declared}).`,
        );
      }
      return { bytes, mime };
    }
  } catch (error) {
    if (error instanceof ImageFetchError) throw error;
    if (signal.aborted) {
      throw new ImageFetchError(
        `${url} did not download within ${formatDuration(options.timeoutMs)}.`,
      );
    }
    // fetch.ts words network failures for a feed; the first sentence says what happened.
    const said =
      error instanceof FeedFetchError ? error.message.split(/(?<=\.) /)[0] : String(error);
    throw new ImageFetchError(said ?? `${url} could not be downloaded.`);
  }
}

function httpUrl(raw: string, base?: URL): URL {
  const url = URL.canParse(raw, base?.href) ? new URL(raw, base) : undefined;
  if (url?.protocol !== "http:" && url?.protocol !== "https:") {
    throw new ImageFetchError(`"${raw}" is not an http(s) address.`);
  }
  return url;
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}
