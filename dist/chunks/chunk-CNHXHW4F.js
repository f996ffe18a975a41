import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-BCNTCWB5.js";
import {
  __toESM
} from "./chunk-3MSF6MZP.js";

// src/rules/length.ts
var import_twitter_text = __toESM(require_dist(), 1);
var X_LENGTH = { network: "x", maxLength: 280 };
var MASTODON_DEFAULT_LENGTH = {
  network: "mastodon",
  maxLength: 500,
  urlLength: 23
};
var BLUESKY_LENGTH = {
  network: "bluesky",
  maxLength: 300,
  maxBytes: 3e3
};
function postLength(text, rules) {
  switch (rules.network) {
    case "x":
      return import_twitter_text.default.parseTweet(text).weightedLength;
    case "mastodon":
      return mastodonLength(text, rules.urlLength) + (rules.reserved ?? 0);
    case "bluesky":
      return graphemeCount(text);
  }
}
function fitsLength(text, rules) {
  if (text.trim() === "") return false;
  if (rules.network === "x") return import_twitter_text.default.parseTweet(text).valid;
  if (rules.network === "bluesky" && utf8Length(text) > rules.maxBytes) return false;
  return postLength(text, rules) <= rules.maxLength;
}
function lengthUnit(rules) {
  switch (rules.network) {
    case "x":
      return "characters as X counts them";
    case "mastodon":
      return `characters as Mastodon counts them (a link counts ${rules.urlLength})`;
    case "bluesky":
      return "characters (graphemes) as Bluesky counts them";
  }
}
function withContentWarning(rules, contentWarning) {
  if (rules.network !== "mastodon" || contentWarning === "") return rules;
  return { ...rules, reserved: (rules.reserved ?? 0) + codePointCount(contentWarning) };
}
function mastodonLength(text, urlLength) {
  const urls = import_twitter_text.default.extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: false });
  let length = 0;
  let from = 0;
  for (const { indices } of urls) {
    length += codePointCount(text.slice(from, indices[0])) + urlLength;
    from = indices[1];
  }
  return length + codePointCount(text.slice(from));
}
function codePointCount(text) {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
var graphemes = new Intl.Segmenter(void 0, { granularity: "grapheme" });
function graphemeCount(text) {
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}
var encoder = new TextEncoder();
function utf8Length(text) {
  return encoder.encode(text).length;
}

export {
  X_LENGTH,
  MASTODON_DEFAULT_LENGTH,
  BLUESKY_LENGTH,
  postLength,
  fitsLength,
  lengthUnit,
  withContentWarning,
  codePointCount,
  graphemeCount,
  utf8Length
};
