import { describe, expect, it } from "vitest";
import { StoryIndex, sameStory, storyWords } from "./similar-titles.js";

const same = (a: string, b: string) => sameStory(storyWords(a), storyWords(b));

// Headlines written for these tests: each pair is one wire story as two outlets would title it.
const REWRITES: readonly [string, string][] = [
  [
    "Télétravail : une étude de l'Inserm pointe les risques pour le dos",
    "Le télétravail augmente les risques de mal de dos, selon une étude de l'Inserm",
  ],
  [
    "Chaises de bureau : l'Anses alerte sur les sièges trop bas",
    "Sièges de bureau trop bas : l'alerte de l'Anses",
  ],
  [
    "Le gouvernement repousse la réforme de la médecine du travail",
    "Réforme de la médecine du travail : le gouvernement annonce un report",
  ],
  [
    "Standing desks do little to cut back pain, review of 20 trials finds",
    "Review finds standing desks offer little relief for back pain",
  ],
];

// Different stories on the same topic: they share the topic's words, and must both be posted.
const NEIGHBOURS: readonly [string, string][] = [
  [
    "Télétravail : une étude de l'Inserm pointe les risques pour le dos",
    "Télétravail : comment bien régler la hauteur de son écran",
  ],
  [
    "Télétravail : une étude de l'Inserm pointe les risques pour le dos",
    "Une étude de l'Inserm sur le sommeil des infirmières de nuit",
  ],
  [
    "Le gouvernement repousse la réforme de la médecine du travail",
    "Médecine du travail : les syndicats dénoncent la réforme",
  ],
  [
    "Standing desks do little to cut back pain, review of 20 trials finds",
    "Back pain: new review of trials on physiotherapy for desk workers",
  ],
  ["Ergonomie au bureau", "Ergonomie au bureau : 10 conseils pour le télétravail"],
];

describe("sameStory", () => {
  it.each(REWRITES)("recognises a rewrite: %s / %s", (a, b) => {
    expect(same(a, b)).toBe(true);
    expect(same(b, a)).toBe(true);
  });

  it.each(NEIGHBOURS)("keeps apart two stories on one topic: %s / %s", (a, b) => {
    expect(same(a, b)).toBe(false);
  });

  it("reads words without capitals, accents, small words or a plural s", () => {
    expect(storyWords("L'Étude des RISQUES du dos")).toEqual(["etude", "risque", "dos"]);
  });
});

describe("StoryIndex", () => {
  it("finds the first title added that tells the same story and passes the test", () => {
    const index = new StoryIndex<string>();
    const [first, second] = REWRITES[0] as [string, string];
    index.add(storyWords(NEIGHBOURS[0]?.[1] ?? ""), "neighbour");
    index.add(storyWords(first), "first");
    index.add(storyWords(first), "again");
    expect(index.find(storyWords(second), () => true)).toBe("first");
    expect(index.find(storyWords(second), (value) => value !== "first")).toBe("again");
    expect(index.find(storyWords("Rien à voir"), () => true)).toBeUndefined();
  });
});
