// The HA test's seed, on a production core (no demo data): one admin who signs in from the browser, an admin
// API token for the test's REST calls, and one multi-use join token for the simulated fleet. Prints JSON.
import { createJoinTokenUnchecked } from "../../server/agents/join-tokens";
import { db } from "../../server/db";
import { createApiToken } from "../../server/tokens/create";
import { CreateUserInput } from "../../server/users/schemas";
import { createUserUnchecked } from "../../server/users/users";

const system = { type: "system", label: "test:ha" } as const;
const email = "ha-admin@example.test";
const password = process.env.ORRERY_HA_PASSWORD ?? "";
if (password.length < 12) throw new Error("ORRERY_HA_PASSWORD must hold 12+ characters");

const user = await db.$transaction((tx) =>
  createUserUnchecked(
    tx,
    system,
    CreateUserInput.parse({ email, name: "HA admin", role: "admin", password }),
  ),
);
const ctx = {
  actor: { kind: "user", id: user.id, email, name: user.name, role: "admin", regionIds: null },
  ip: "127.0.0.1",
} as const;
const token = await createApiToken(ctx, { name: "test:ha", role: "admin" });
const join = await db.$transaction((tx) =>
  createJoinTokenUnchecked(tx, system, { uses: "5000", expiresIn: "24h", note: "test:ha fleet" }),
);
console.log(JSON.stringify({ email, apiToken: token.secret, joinToken: join.token }));
await db.$disconnect();
