/** The one error the parse stage throws, whatever the format. */
import { CrieurError } from "../errors.js";

/** The text could not be read as a feed; the message says what was found instead. */
export class FeedParseError extends CrieurError {
  override name = "FeedParseError";
  constructor(
    readonly feedUrl: string,
    problem: string,
  ) {
    super(`Cannot read the feed ${feedUrl}: ${problem}`);
  }
}

/** A third-party parser's error as one line. */
export function describe(error: unknown): string {
  if (error instanceof Error) return error.message.replace(/\s+/g, " ").trim();
  return String(error);
}
