import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-BCNTCWB5.js";
import {
  CrieurError
} from "./chunk-ETCY7YZ6.js";
import {
  __toESM
} from "./chunk-3MSF6MZP.js";

// src/rules/compose.ts
var import_twitter_text = __toESM(require_dist(), 1);
var MAX_WEIGHTED_LENGTH = 280;
var ELLIPSIS = "\u2026";
var ComposeError = class extends CrieurError {
  name = "ComposeError";
};
function weightedLength(text) {
  return import_twitter_text.default.parseTweet(text).weightedLength;
}
function containsUrl(text) {
  return /\bhttps?:\/\/\S/i.test(text) || import_twitter_text.default.extractUrls(text).length > 0;
}
function fits(text) {
  return import_twitter_text.default.parseTweet(text).valid;
}
function composePost(input) {
  const fields = {
    title: input.item.title,
    link: input.item.link ?? "",
    summary: input.item.summary,
    author: input.item.author ?? "",
    date: input.item.published?.slice(0, 10) ?? "",
    feed: input.feedName,
    hashtags: input.hashtags.map((tag) => `#${tag.replace(/^#/, "")}`).join(" ")
  };
  const shortened = [];
  let text = render(input.template, fields);
  for (const field of ["summary", "title"]) {
    if (fits(text)) break;
    fields[field] = shortenToFit(input.template, fields, field);
    shortened.push(field);
    text = render(input.template, fields);
  }
  if (text.length === 0) {
    throw new ComposeError(
      `The template "${input.template}" gave an empty post for "${input.item.title || input.item.key}".`
    );
  }
  if (!fits(text)) {
    throw new ComposeError(
      `The post for "${input.item.title || input.item.key}" is ${weightedLength(text)} characters as X counts them even with its title and summary removed (limit ${MAX_WEIGHTED_LENGTH}); shorten the template or the hashtags in feeds.yml.`
    );
  }
  return { text, weightedLength: weightedLength(text), shortened };
}
function render(template, fields) {
  const filled = template.replace(
    /\{(\w+)\}/g,
    (whole, name) => Object.hasOwn(fields, name) ? fields[name] ?? "" : whole
  );
  return filled.split("\n").map((line) => line.replace(/[ \t]+/g, " ").trim()).join("\n").replace(/\n{3,}/g, "\n\n").trim();
}
function shortenToFit(template, fields, field) {
  const value = fields[field] ?? "";
  const attempt = (cut) => cut === 0 ? "" : `${value.slice(0, cut).replace(/[\s.,;:!?–—-]+$/u, "")}${ELLIPSIS}`;
  const fitsWith = (cut) => fits(render(template, { ...fields, [field]: attempt(cut) }));
  const best = longestFitting(wordBoundaries(value), fitsWith);
  if (best > 0) return attempt(best);
  return attempt(longestFitting(codePointBoundaries(value), fitsWith));
}
function longestFitting(cuts, fitsWith) {
  let low = 0;
  let high = cuts.length - 1;
  let best = 0;
  while (low <= high) {
    const middle = low + high >> 1;
    const cut = cuts[middle] ?? 0;
    if (fitsWith(cut)) {
      best = cut;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return best;
}
function wordBoundaries(value) {
  const cuts = [];
  for (const match of value.matchAll(/\s+/g)) {
    if (match.index > 0) cuts.push(match.index);
  }
  return cuts;
}
function codePointBoundaries(value) {
  const cuts = [];
  let index = 0;
  for (const character of value) {
    index += character.length;
    cuts.push(index);
  }
  return cuts;
}

export {
  MAX_WEIGHTED_LENGTH,
  ComposeError,
  weightedLength,
  containsUrl,
  composePost,
  render
};
