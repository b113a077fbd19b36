// Fails when an installed package is below its security floor (npm audit cannot reach its endpoint here).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const FLOORS = {
  next: "16.3.3", // RSC / Server Action advisories through Aug 2026
  react: "19.2.8",
  "react-dom": "19.2.8",
  "next-auth": "4.24.15", // Aug 2026 advisory
};

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function parse(version) {
  return version.split("-")[0].split(".").map(Number);
}

export function isBelow(installed, floor) {
  const a = parse(installed);
  const b = parse(floor);
  for (let i = 0; i < 3; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  }
  return false;
}

let failed = false;
for (const [name, floor] of Object.entries(FLOORS)) {
  let version;
  try {
    version = JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")).version;
  } catch {
    console.error(`✗ ${name} is not installed`);
    failed = true;
    continue;
  }
  if (isBelow(version, floor)) {
    console.error(`✗ ${name} ${version} is below its security floor ${floor}`);
    failed = true;
  } else console.log(`✓ ${name} ${version} (floor ${floor})`);
}
process.exit(failed ? 1 : 0);
