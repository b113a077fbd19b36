// Prisma's CLI here only generates clients (its migrate needs a schema engine these machines cannot download;
// prisma/migrate.ts applies the committed SQL instead). ORRERY_PRISMA_SCHEMA picks which provider's schema.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: process.env.ORRERY_PRISMA_SCHEMA ?? "prisma/schema.prisma",
});
