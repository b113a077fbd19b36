import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const prismaImport = {
  group: ["**/prisma/generated/**", "@prisma/client", "@prisma/client/*", "@prisma/adapter-*"],
  message: "Only server/ and prisma/ touch the database: call a server/<domain> function instead.",
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "prisma/generated/**", ".cache/**", "next-env.d.ts", "data/**"],
  },
  {
    rules: {
      "no-restricted-imports": ["error", { patterns: [prismaImport] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["server/**", "prisma/**", "scripts/**", "bench/**"],
    rules: { "no-restricted-imports": "off" },
  },
];

export default config;
