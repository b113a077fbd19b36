import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Import boundaries. Each pattern carries its reason in its message; the file blocks below say who may cross.
const prismaImport = {
  group: ["**/prisma/generated/**", "@prisma/client", "@prisma/client/*", "@prisma/adapter-*"],
  message: "Only server/ and prisma/ touch the database: call a server/<domain> function instead.",
};
const dbImport = {
  group: ["@/server/db", "@/server/db-raw", "**/server/db", "**/server/db-raw"],
  message:
    "Only server/ touches the database, so every read and write is authorized, scoped and audited there.",
};
const serverOnlyImport = {
  name: "server-only",
  message: "The server-only marker belongs in server/ files, where the database and secrets are.",
};
const serverValueImport = {
  group: ["@/server", "@/server/*", "**/server/*", "!next/server"],
  allowTypeImports: true,
  message:
    "Components may use server/ types (import type) but no server/ value: pure values live in lib/, and data comes in as props.",
};
const libImport = {
  group: ["@/server", "@/server/*", "**/server/*", "@/components", "@/components/*", "**/components/*"],
  message: "lib/ is small pure code for both sides: it imports neither server/ nor components/.",
};

const cliImport = {
  group: ["@/*", "**/server/*", "**/lib/*", "**/app/*", "**/components/*", "**/prisma/*", "**/agent/*"],
  message:
    "cli/ is standalone, like agent/: it reaches Orrery over HTTP and takes its shapes from the generated cli/api-types.ts only.",
};

const restrict = (patterns, paths = [serverOnlyImport]) => ({
  "no-restricted-imports": "off",
  "@typescript-eslint/no-restricted-imports": ["error", { paths, patterns }],
});

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "prisma/generated/**", ".cache/**", "next-env.d.ts", "data/**"],
  },
  {
    rules: {
      ...restrict([prismaImport, dbImport]),
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Its tests start a core and prepare what the CLI then reads: they follow the test rules below.
    files: ["cli/**"],
    rules: restrict([prismaImport, dbImport, cliImport]),
  },
  {
    // A test checks what a verb wrote, and test/ builds each test file's database and its fixtures. Tests
    // under components/ and lib/ keep those folders' rules below: they test pure code.
    files: ["**/*.test.ts", "test/**"],
    rules: restrict([prismaImport]),
  },
  {
    files: ["components/**"],
    rules: restrict([prismaImport, dbImport, serverValueImport]),
  },
  {
    files: ["lib/**"],
    rules: restrict([prismaImport, dbImport, libImport]),
  },
  {
    // CLIs and benchmarks run outside Next against the database they were pointed at.
    files: ["scripts/**", "bench/**"],
    rules: restrict([prismaImport]),
  },
  {
    // server/ owns the database; prisma/ is the schema, the migration runner and the seed that fill it.
    files: ["server/**", "prisma/**"],
    rules: { "no-restricted-imports": "off", "@typescript-eslint/no-restricted-imports": "off" },
  },
];

export default config;
