// npm run user:disable-demo: disables every enabled demo account (…@orrery.local) and ends its sessions.
// A production core refuses to start while one is enabled, since its password is published.
import { db } from "../server/db";
import { disableDemoAccounts } from "../server/demo-accounts";

try {
  const disabled = await disableDemoAccounts();
  console.log(disabled.length ? `Disabled ${disabled.join(", ")}.` : "No demo account is enabled.");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
