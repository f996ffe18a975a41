import { createRequire as __crieurCreateRequire } from "node:module";
const require = __crieurCreateRequire(import.meta.url);
import {
  X_LENGTH,
  fitsLength,
  lengthUnit,
  postLength,
  require_dist
} from "./chunk-CKJMP3MU.js";
import {
  fieldsOf,
  parseTemplate,
  renderTemplate
} from "./chunk-ZFWHU4RR.js";
import {
  CrieurError
} from "./chunk-ETCY7YZ6.js";
import {
  __toESM
} from "./chunk-ZTOGWLE6.js";

// src/rules/compose.ts
var import_twitter_text = __toESM(require_dist(), 1);

// src/rules/hashtags.ts
function postHashtags(categories, settings) {
  const map = new Map(
    Object.entries(settings.hashtagMap).map(([category, tag]) => [categoryKey(category), tag])
  );
  const fromCategories = settings.categoriesAsHashtags ? categories.flatMap((category) => {
    const mapped = map.get(categoryKey(category));
    return mapped === null ? [] : [mapped ?? category];
  }) : [];
  const seen = /* @__PURE__ */ new Set();
  const tags = [];
  for (const written of [...settings.hashtags, ...fromCategories]) {
    const tag = hashtagOf(written);
    if (tag === void 0) continue;
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}
function hashtagOf(text) {
  const words = text.normalize("NFC").split(/[^\p{L}\p{M}\p{N}_]+/u).filter(Boolean);
  const tag = words.length === 1 ? words[0] ?? "" : words.map(([first = "", ...rest]) => first.toUpperCase() + rest.join("")).join("");
  return /[\p{L}\p{M}]/u.test(tag) ? tag : void 0;
}
function categoryKey(category) {
  return category.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}
function hashtagText(tags) {
  return tags.map((tag) => `#${tag}`).join(" ");
}

// src/rules/post-fields.ts
var STATUS_WORDS = {
  en: {
    confirmed: "",
    tentative: "to be confirmed",
    cancelled: "cancelled",
    postponed: "postponed",
    rescheduled: "rescheduled"
  },
  fr: {
    confirmed: "",
    tentative: "\xE0 confirmer",
    cancelled: "annul\xE9",
    postponed: "report\xE9",
    rescheduled: "reprogramm\xE9"
  }
};
function fieldsOfItem(item, settings) {
  const { event } = item;
  const text = {
    title: item.title,
    link: item.link ?? "",
    summary: item.summary,
    author: item.author ?? "",
    feed: settings.name,
    location: event?.location ?? "",
    status: event === void 0 ? "" : statusWord(event.status, settings.locale)
  };
  const dates = {};
  if (item.published !== void 0) {
    dates.date = { iso: item.published, allDay: false, zone: "UTC" };
  }
  if (event !== void 0) {
    const zone = event.timeZone === void 0 ? {} : { zone: event.timeZone };
    dates.start = { iso: event.start, allDay: event.allDay, ...zone };
    if (event.end !== void 0) dates.end = { iso: event.end, allDay: event.allDay, ...zone };
  }
  return {
    text,
    dates,
    locale: settings.locale,
    ...settings.timeZone === void 0 ? {} : { timeZone: settings.timeZone }
  };
}
function statusWord(status, locale) {
  const language = /^fr(-|$)/i.test(locale) ? "fr" : "en";
  return STATUS_WORDS[language][status];
}

// src/rules/compose.ts
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
var parsed = /* @__PURE__ */ new Map();
function templateOf(source) {
  let template = parsed.get(source);
  if (template === void 0) {
    try {
      template = parseTemplate(source);
    } catch (error) {
      throw new ComposeError(error instanceof Error ? error.message : String(error));
    }
    parsed.set(source, template);
  }
  return template;
}
function composePost(input) {
  const { item, feed } = input;
  const rules = input.length ?? X_LENGTH;
  const template = templateOf(item.event === void 0 ? feed.template : feed.eventTemplate);
  const fields = fieldsOfItem(item, feed);
  const used = fieldsOf(template);
  const tagsAtEnd = !used.includes("hashtags");
  const tags = postHashtags(item.categories, feed);
  const build = (text2, kept2) => {
    const hashtags = hashtagText(kept2);
    const body = renderTemplate(template, { ...fields, text: { ...text2, hashtags } });
    return tagsAtEnd && hashtags !== "" ? `${body} ${hashtags}`.trim() : body;
  };
  const fits = (text2) => fitsLength(text2, rules);
  const texts = { ...fields.text };
  let kept = tags;
  let text = build(texts, kept);
  if (text === "") {
    throw new ComposeError(
      `The template "${template.source}" gave an empty post for "${item.title || item.key}".`
    );
  }
  while (!fits(text) && kept.length > 0) {
    kept = kept.slice(0, -1);
    text = build(texts, kept);
  }
  const shortened = [];
  for (const field of ["summary", "title"].filter((f) => used.includes(f))) {
    if (fits(text)) break;
    texts[field] = shortenToFit(
      texts[field] ?? "",
      (value) => fits(build({ ...texts, [field]: value }, kept))
    );
    shortened.push(field);
    text = build(texts, kept);
  }
  if (!fits(text)) {
    throw new ComposeError(
      `The post for "${item.title || item.key}" is ${postLength(text, rules)} ${lengthUnit(rules)} even with its hashtags removed and its title and summary shortened (limit ${rules.maxLength}); shorten the template in feeds.yml.`
    );
  }
  return {
    text,
    weightedLength: postLength(text, rules),
    shortened,
    droppedHashtags: tags.slice(kept.length)
  };
}
function shortenToFit(value, fitsWith) {
  const attempt = (cut) => cut === 0 ? "" : `${value.slice(0, cut).replace(/[\s.,;:!?–—-]+$/u, "")}${ELLIPSIS}`;
  const fitsAt = (cut) => fitsWith(attempt(cut));
  const best = longestFitting(wordBoundaries(value), fitsAt);
  if (best > 0) return attempt(best);
  return attempt(longestFitting(codePointBoundaries(value), fitsAt));
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
  composePost
};
