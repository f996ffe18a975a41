/**
 * The error family. Every error crieur reports to its owner is a CrieurError: the message is a
 * sentence that says what failed and what to do. Third-party errors (fetch, rss-parser,
 * twitter-api-v2) are translated into these at the edge, so the core never sees library types.
 * May import: nothing.
 */
export class CrieurError extends Error {
  override name = "CrieurError";
}

/** A problem the owner must fix before anything runs (feeds.yml, state files, CLI usage). */
export class UsageError extends CrieurError {
  override name = "UsageError";
}
