// npm run token:join -- --uses 10 --expires 24h [--satellite fra-edge-01] [--note "rack 4"]
// Prints a new join token once; only its hash is stored.
import { parseArgs } from "node:util";
import { createJoinTokenUnchecked } from "../server/agents/join-tokens";
import { db } from "../server/db";
import { isAppError } from "../server/errors";

async function main() {
  const { values } = parseArgs({
    options: {
      uses: { type: "string", default: "1" },
      expires: { type: "string", default: "24h" },
      satellite: { type: "string" },
      note: { type: "string", default: "" },
    },
  });
  const created = await db.$transaction((tx) =>
    createJoinTokenUnchecked(
      tx,
      { type: "system", label: "cli" },
      {
        uses: values.uses,
        expiresIn: values.expires,
        satelliteId: values.satellite,
        note: values.note,
      },
    ),
  );
  console.error(`Join token (shown once; expires ${created.expiresAt}, ${values.uses} use(s)):`);
  console.log(created.token);
}

main()
  .then(() => db.$disconnect())
  .catch(async (error: unknown) => {
    const fields =
      isAppError(error) && error.fields
        ? Object.entries(error.fields)
            .map(([k, v]) => `  ${k}: ${v}`)
            .join("\n")
        : "";
    console.error(isAppError(error) || error instanceof Error ? error.message : error);
    if (fields) console.error(fields);
    await db.$disconnect();
    process.exit(1);
  });
