import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../src/config/load.js";
import { feedsJsonSchema } from "../src/config/schema.js";

const root = fileURLToPath(new URL("..", import.meta.url));

interface SchemaNode {
  readonly type?: string;
  readonly description?: string;
  readonly properties?: Record<string, SchemaNode>;
  readonly items?: SchemaNode;
  readonly additionalProperties?: unknown;
}

/** Every object schema in the tree, with its path, e.g. "feeds[].hashtags". */
function objects(node: SchemaNode, path = ""): [string, SchemaNode][] {
  const found: [string, SchemaNode][] = node.type === "object" ? [[path, node]] : [];
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    found.push(...objects(child, path === "" ? key : `${path}.${key}`));
  }
  if (node.items !== undefined) found.push(...objects(node.items, `${path}[]`));
  return found;
}

describe("schema/feeds.schema.json", () => {
  it("is what scripts/schema.ts generates from the zod schema (run it after a change)", async () => {
    const committed: unknown = JSON.parse(
      await readFile(`${root}schema/feeds.schema.json`, "utf8"),
    );
    expect(committed).toEqual(feedsJsonSchema());
  });

  it("describes every key, for editors", () => {
    const undescribed = objects(feedsJsonSchema() as SchemaNode).flatMap(([path, node]) =>
      Object.entries(node.properties ?? {})
        .filter(([, child]) => !child.description)
        .map(([key]) => (path === "" ? key : `${path}.${key}`)),
    );
    expect(undescribed).toEqual([]);
  });

  it("refuses unknown keys in every mapping", () => {
    // hashtagMap's keys are the feed's categories: any key, each value checked.
    const found = objects(feedsJsonSchema() as SchemaNode).filter(
      ([path]) => !path.endsWith(".hashtagMap"),
    );
    expect(found.map(([path]) => path)).toEqual([
      "",
      "defaults",
      "limits",
      "limits.postingHours",
      "fetch",
      "cost",
      "targets",
      "feeds[]",
      "feeds[].eventPrefixes",
    ]);
    for (const [path, node] of found) {
      if (path !== "targets") expect(node.additionalProperties).toBe(false);
    }
    // Target names are the user's; each target's keys are checked, whatever its network.
    const target = found.find(([path]) => path === "targets")?.[1].additionalProperties as {
      oneOf?: SchemaNode[];
      anyOf?: SchemaNode[];
    };
    const networks = target.oneOf ?? target.anyOf ?? [];
    expect(networks).toHaveLength(3);
    for (const network of networks) expect(network.additionalProperties).toBe(false);
  });
});

describe("the example feeds.yml", () => {
  it("points editors at the schema on its first line", async () => {
    const text = await readFile(`${root}feeds.yml`, "utf8");
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=./schema/feeds.schema.json");
  });

  it("is valid", async () => {
    const config = parseConfig(await readFile(`${root}feeds.yml`, "utf8"), "feeds.yml");
    expect(config.feeds.map((feed) => feed.id)).toEqual(["agenda", "ergonomie"]);
    for (const feed of config.feeds) expect(feed.url).toMatch(/^https:\/\//);
  });
});
