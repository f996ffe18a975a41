import { describe, expect, it } from "vitest";
import { firstImg } from "./item-image.js";

const BASE = "https://musee.example/agenda/";

describe("firstImg", () => {
  it("takes the first picture of the text, with its alt, passing over decoration", () => {
    const html = [
      '<p>Vernissage <img src="https://s.w.org/images/core/emoji/15.0.3/72x72/1f3a8.png" alt="🎨" class="wp-smiley" style="height: 1em" />',
      '<img src="/px.gif" width="1" height="1"><img src="/icons/rss.png" width="16" height="16" alt="RSS">',
      '<img src="data:image/png;base64,AAAA" alt="inline">',
      '<img src="../img/salle.jpg?w=1200&amp;h=800" alt="La &lt;grande&gt; salle" width="1200"></p>',
    ].join("");
    expect(firstImg(html, BASE)).toEqual({
      image: "https://musee.example/img/salle.jpg?w=1200&h=800",
      imageAlt: "La <grande> salle",
    });
  });

  it("finds nothing in text without a picture", () => {
    expect(
      firstImg("<p>Pas d'image ici, juste un <a href='/x'>lien</a>.</p>", BASE),
    ).toBeUndefined();
    expect(firstImg('<img class="emoji" src="/e.png">', BASE)).toBeUndefined();
  });
});
