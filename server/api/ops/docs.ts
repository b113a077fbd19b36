import { z } from "zod";
import { openApiDocument } from "../openapi";
import { op, type Operation } from "../operation";
import { apiOperations } from ".";

const API_VERSION = "1.0.0";

export const docOps: Operation[] = [
  op({
    method: "GET",
    path: "/openapi.json",
    id: "getOpenApiDocument",
    summary: "This API's OpenAPI 3.1 description",
    description:
      "Generated from the same schemas the server validates with. Rendered for people at /api/docs.",
    tags: ["Meta"],
    public: true,
    response: z.record(z.string(), z.unknown()).meta({ description: "An OpenAPI 3.1 document." }),
    handler: async () => openApiDocument(apiOperations(), API_VERSION) as Record<string, unknown>,
  }),
];
