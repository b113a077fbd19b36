import { z } from "zod";
import { ROLES } from "../../auth/policy";
import { listSsoMappings } from "../../sso/mappings";
import { op, type Operation } from "../operation";

const ssoMappingSchema = z
  .object({
    id: z.string(),
    provider: z.string().meta({ description: "The configured identity provider's id." }),
    group: z.string().meta({ description: "The group name as the provider's groups claim sends it." }),
    role: z.enum(ROLES),
    regionIds: z.array(z.string()).meta({ description: "Empty: every region." }),
    updatedAt: z.string(),
  })
  .meta({ id: "SsoGroupMapping" });

export const ssoOps: Operation[] = [
  op({
    method: "GET",
    path: "/sso/mappings",
    id: "listSsoMappings",
    summary: "List single sign-on group mappings",
    description:
      "Which identity-provider groups give which role and region scope. Admins only (`users.manage`); " +
      "changed in the console under Admin › Single sign-on, where every change is audited.",
    tags: ["Single sign-on"],
    permission: "users.manage",
    response: z.object({ items: z.array(ssoMappingSchema), next: z.null() }),
    handler: async (ctx) => ({ items: await listSsoMappings(ctx), next: null }),
  }),
];
