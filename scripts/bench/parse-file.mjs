// Child of `npm run bench`: times dist/'s parseFeed on one file (after a warm-up parse that loads
// rss-parser), `runs` times, and prints {"wallMs": [...], "cpuMs": [...], "outcome": "..."}.
import { readFile } from "node:fs/promises";

const [parseModule, file, runs] = process.argv.slice(2);
const { parseFeed } = await import(parseModule);
const warmUp =
  '<rss version="2.0"><channel><title>w</title><item><title>w</title></item></channel></rss>';
await parseFeed(warmUp, "https://warm-up.example/feed.xml");
const text = await readFile(file, "utf8");
const wallMs = [];
const cpuMs = [];
let outcome = "";
for (let i = 0; i < Number(runs); i++) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    const feed = await parseFeed(text, "https://bench.example/feed.xml");
    outcome = `read, ${feed.items.length} items`;
  } catch (error) {
    outcome = `${error.name}: ${error.message.replace(/^Cannot read the feed \S+: /, "")}`;
  }
  wallMs.push(performance.now() - started);
  const used = process.cpuUsage(cpu);
  cpuMs.push((used.user + used.system) / 1000);
}
process.stdout.write(JSON.stringify({ wallMs, cpuMs, outcome }));
