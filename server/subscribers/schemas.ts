import { z } from "zod";

const componentRef = z
  .string()
  .regex(/^(region|satellite):[A-Za-z0-9_-]{1,64}$/, "is not a component of this page");

const formList = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(componentRef).max(500),
);

/** The public subscribe form. `website` is a honeypot: people never see it, so a value means a bot. */
export const SubscribeInput = z
  .object({
    slug: z.string().regex(/^[a-z0-9-]{1,63}$/),
    key: z.string().max(200).optional(),
    kind: z.enum(["email", "webhook"]).meta({ label: "Delivery" }),
    email: z.preprocess(
      (v) => (v === "" ? undefined : typeof v === "string" ? v.trim().toLowerCase() : v),
      z.email({ message: "must be an email address, such as you@example.com" }).max(254).optional(),
    ),
    webhookUrl: z.preprocess(
      (v) => (v === "" ? undefined : typeof v === "string" ? v.trim() : v),
      z.string().max(2000).optional(),
    ),
    scope: z.enum(["page", "components"]).default("page").meta({ label: "What to follow" }),
    components: formList.meta({ label: "Components" }),
    website: z.string().max(500).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "email" && !v.email) {
      ctx.addIssue({ code: "custom", path: ["email"], message: "Email is required" });
    }
    if (v.kind === "webhook" && !v.webhookUrl) {
      ctx.addIssue({ code: "custom", path: ["webhookUrl"], message: "Webhook URL is required" });
    }
    if (v.scope === "components" && v.components.length === 0) {
      ctx.addIssue({ code: "custom", path: ["components"], message: "Pick at least one region or site" });
    }
  });
export type SubscribeInput = z.output<typeof SubscribeInput>;

/** The manage page's form: the token from the link, and what to follow now. */
export const ManageInput = z
  .object({
    token: z.string().min(10).max(200),
    scope: z.enum(["page", "components"]).default("page"),
    components: formList.meta({ label: "Components" }),
  })
  .superRefine((v, ctx) => {
    if (v.scope === "components" && v.components.length === 0) {
      ctx.addIssue({ code: "custom", path: ["components"], message: "Pick at least one region or site" });
    }
  });

export const SubscriberRef = z.object({
  pageId: z.string().min(1).max(64),
  subscriberId: z.string().min(1).max(64),
});
