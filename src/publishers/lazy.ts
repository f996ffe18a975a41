/**
 * A publisher whose network client is loaded on first use: most runs post nothing, and
 * @atproto/api alone takes a second or two to load. What the orchestrator reads before posting
 * (the network's name, its re-send window) is given up front.
 */
import type { Post, Publisher, PublisherLimits, PublishOptions } from "./publisher.js";

export function lazyPublisher(
  known: { readonly network: string; readonly resendWindowMs?: number },
  load: () => Promise<Publisher>,
): Publisher {
  let loaded: Promise<Publisher> | undefined;
  const publisher = () => {
    loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    return loaded;
  };
  return {
    ...known,
    async publish(text: string, options?: PublishOptions): Promise<Post> {
      return (await publisher()).publish(text, options);
    },
    async limits(): Promise<PublisherLimits> {
      const real = await publisher();
      if (real.limits === undefined)
        throw new Error(`The ${known.network} publisher has no limits.`);
      return real.limits();
    },
    async lookup(idempotencyKey: string): Promise<Post | undefined> {
      return (await publisher()).lookup?.(idempotencyKey);
    },
  };
}
