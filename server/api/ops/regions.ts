import { z } from "zod";
import { listRegions } from "../../compliance/regions";
import { op, type Operation } from "../operation";

export const regionSchema = z
  .object({
    id: z.string().meta({ example: "eu-gdpr" }),
    name: z.string(),
    jurisdiction: z.string(),
    frameworks: z.array(z.string()),
    residencyRule: z.string().meta({ description: "in_region, allow_list or unrestricted." }),
    color: z.string(),
    countries: z
      .array(z.string())
      .meta({ description: "ISO 3166-1 alpha-2 codes whose satellites fall here by default." }),
    retiredAt: z.string().nullable(),
  })
  .meta({ id: "Region" });

const regionsQuery = z.object({
  includeRetired: z.enum(["true", "false"]).optional().meta({ description: "Also list retired regions." }),
});

export const regionOps: Operation[] = [
  op({
    method: "GET",
    path: "/regions",
    id: "listRegions",
    summary: "List compliance regions",
    description: "Every region satellites, releases and scopes refer to. Short enough to answer in one page.",
    tags: ["Regions"],
    query: regionsQuery,
    response: z.object({ items: z.array(regionSchema), next: z.null() }),
    handler: async (ctx, { query }) => ({
      items: await listRegions(ctx, { includeRetired: query.includeRetired === "true" }),
      next: null,
    }),
  }),
];
