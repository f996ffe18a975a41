// Preload for `npm run bench` when GNU time is missing: writes this process's peak RSS (kB) at exit.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  writeFileSync(process.env.CRIEUR_BENCH_MAXRSS_FILE, `${process.resourceUsage().maxRSS}\n`);
});
