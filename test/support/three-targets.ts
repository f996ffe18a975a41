/**
 * Mastodon and Bluesky for tests that post to three targets at once with the real CLI: the fake
 * Mastodon, and a real Bluesky PDS (test/bluesky-pds) — or, when that harness is not installed,
 * a second fake Mastodon account in its place (`blueskyIsReal` says which).
 */
import { pdsInstalled, startPds, type TestPds } from "../bluesky-pds/harness.js";
import { type FakeMastodon, startFakeMastodon } from "./fake-mastodon-server.js";

export interface ThreeTargets {
  readonly mastodon: FakeMastodon;
  readonly blueskyIsReal: boolean;
  /** The environment holding the Mastodon and Bluesky secrets. */
  readonly env: Record<string, string>;
  /** The `targets:` lines of feeds.yml: x, toot (Mastodon) and sky (Bluesky). */
  readonly config: readonly string[];
  /** Texts posted to toot and sky, in posting order. */
  posts(): Promise<{ toot: string[]; sky: string[] }>;
  clearFaults(): void;
  close(): Promise<void>;
}

const TOKEN = "toot-token";
const SECOND_TOKEN = "sky-token";

export async function startThreeTargets(): Promise<ThreeTargets> {
  const mastodon = await startFakeMastodon({ token: TOKEN });
  const common = ["targets:", "  x:", "    network: x", "  toot:", "    network: mastodon"];
  const mastodonEnv = { MASTODON_URL: mastodon.url, MASTODON_TOKEN: TOKEN };
  const texts = (fake: FakeMastodon) => fake.statuses.map((status) => status.text);
  if (!pdsInstalled()) {
    const second = await startFakeMastodon({ token: SECOND_TOKEN });
    return {
      mastodon,
      blueskyIsReal: false,
      env: { ...mastodonEnv, SKY_URL: second.url, SKY_TOKEN: SECOND_TOKEN },
      config: [
        ...common,
        "  sky:",
        "    network: mastodon",
        "    secrets: { instanceUrl: SKY_URL, accessToken: SKY_TOKEN }",
      ],
      posts: async () => ({ toot: texts(mastodon), sky: texts(second) }),
      clearFaults: () => mastodon.clearFaults(),
      close: async () => {
        await Promise.all([mastodon.close(), second.close()]);
      },
    };
  }
  const pds: TestPds = await startPds();
  const account = await createBlueskyAccount(pds.url, "crash.test");
  return {
    mastodon,
    blueskyIsReal: true,
    env: {
      ...mastodonEnv,
      BLUESKY_HANDLE: account.handle,
      BLUESKY_APP_PASSWORD: account.appPassword,
      BLUESKY_SERVICE: pds.url,
    },
    config: [...common, "  sky:", "    network: bluesky"],
    posts: async () => ({ toot: texts(mastodon), sky: await blueskyTexts(pds.url, account.did) }),
    clearFaults: () => mastodon.clearFaults(),
    close: async () => {
      await Promise.all([mastodon.close(), pds.close()]);
    },
  };
}

/** Every post of the account, oldest first (the PDS lists records by record key). */
export async function blueskyTexts(pdsUrl: string, did: string): Promise<string[]> {
  const texts: { text: string; createdAt: string }[] = [];
  let cursor: string | undefined;
  do {
    const answer = await fetch(
      `${pdsUrl}/xrpc/com.atproto.repo.listRecords?repo=${did}&collection=app.bsky.feed.post&limit=100${cursor ? `&cursor=${cursor}` : ""}`,
    );
    const body = (await answer.json()) as {
      cursor?: string;
      records: { value: { text: string; createdAt: string } }[];
    };
    texts.push(...body.records.map((record) => record.value));
    cursor = body.records.length > 0 ? body.cursor : undefined;
  } while (cursor);
  return texts.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((value) => value.text);
}

export async function createBlueskyAccount(pdsUrl: string, handle: string) {
  const created = await xrpc(pdsUrl, "com.atproto.server.createAccount", {
    handle,
    email: `${handle}@example.org`,
    password: `main-password-${handle}`,
  });
  const app = await xrpc(
    pdsUrl,
    "com.atproto.server.createAppPassword",
    { name: "crieur" },
    created.accessJwt,
  );
  return { handle, did: created.did as string, appPassword: app.password as string };
}

// biome-ignore lint/suspicious/noExplicitAny: test helper over the PDS's JSON answers.
async function xrpc(pdsUrl: string, method: string, body: unknown, token?: string): Promise<any> {
  const answer = await fetch(`${pdsUrl}/xrpc/${method}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!answer.ok) throw new Error(`${method}: ${answer.status} ${await answer.text()}`);
  return answer.json();
}
