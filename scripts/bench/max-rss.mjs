// Preload for `npm run bench` when GNU time is missing: writes this process's peak RSS (kB) and
// its user and system CPU time (s) at exit, in GNU time's "%M %U %S" format.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  const usage = process.resourceUsage();
  const seconds = (microseconds) => (microseconds / 1e6).toFixed(2);
  writeFileSync(
    process.env.CRIEUR_BENCH_MAXRSS_FILE,
    `${usage.maxRSS} ${seconds(usage.userCPUTime)} ${seconds(usage.systemCPUTime)}\n`,
  );
});
