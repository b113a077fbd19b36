// The reference data a production core needs: the compliance regions. `npm run db:migrate` installs it after
// the migrations and `npm run db:bootstrap` alone; both are idempotent. Demo data lives in seed.ts only.
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "../server/db";
import { installDefaultPolicies } from "../server/policies/defaults";
import { REGIONS } from "./seed-data/regions";

export type BootstrapResult = { regions: number; policies?: number };

export async function bootstrap(db: Db): Promise<BootstrapResult> {
  for (const { id, ...data } of REGIONS) {
    // Installs missing regions only: once a region exists it is an admin's to edit, and a migrate must not undo it.
    await db.complianceRegion.upsert({ where: { id }, create: { id, ...data }, update: {} });
  }
  // After the regions the default policies' scopes name.
  const policies = await installDefaultPolicies(db);
  return { regions: REGIONS.length, policies };
}

/** For the CLIs: server/db reads DATABASE_URL when it loads, so it is imported only when run. */
export async function bootstrapDatabase(): Promise<BootstrapResult> {
  const { db } = await import("../server/db");
  try {
    return await bootstrap(db);
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  bootstrapDatabase().then(
    (r) => console.log(`Installed ${r.regions} compliance regions.`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
