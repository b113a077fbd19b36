// Creates a real user: npm run user:create -- --email ops@example.com --role admin [--name "Ops"] [--regions eu-gdpr,uk-gdpr]
// The password is read from ORRERY_NEW_PASSWORD, asked for on a terminal, or generated and printed once.
import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { db } from "../server/db";
import { isAppError } from "../server/errors";
import { CreateUserInput } from "../server/users/schemas";
import { createUserUnchecked } from "../server/users/users";

async function askPassword(): Promise<string | null> {
  if (!process.stdin.isTTY) return null;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question("Password (12+ characters; leave empty to generate one): ");
  rl.close();
  return answer.trim() || null;
}

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      role: { type: "string", default: "viewer" },
      name: { type: "string" },
      regions: { type: "string" },
    },
  });
  if (!values.email)
    throw new Error("Usage: npm run user:create -- --email someone@example.com --role admin|operator|viewer");
  let password = process.env.ORRERY_NEW_PASSWORD ?? (await askPassword());
  const generated = !password;
  password ??= randomBytes(18).toString("base64url");
  const parsed = CreateUserInput.safeParse({
    email: values.email,
    name: values.name ?? values.email.split("@")[0],
    role: values.role,
    regionIds: values.regions,
    password,
  });
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
  }
  const user = await db.$transaction((tx) =>
    createUserUnchecked(tx, { type: "system", label: "cli" }, parsed.data),
  );
  console.log(
    `Created ${user.email} (${user.role}${user.regionIds.length ? `, regions ${user.regionIds.join(", ")}` : ""}).`,
  );
  if (generated) console.log(`Password (shown once): ${password}`);
}

main()
  .then(() => db.$disconnect())
  .catch(async (error: unknown) => {
    console.error(isAppError(error) || error instanceof Error ? error.message : error);
    await db.$disconnect();
    process.exit(1);
  });
