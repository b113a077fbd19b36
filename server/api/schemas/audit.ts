import { z } from "zod";
import { ACTOR_KINDS } from "../../auth/actor";
import type { AuditRow } from "../../audit-log";
import { AuditFilterShape } from "../../audit-page";
import { listOf, pageQuery } from "../pagination";

/** An audit event as the Audit page shows it; `AuditRow` is the type this must describe. */
export const auditEventSchema: z.ZodType<AuditRow> = z
  .object({
    id: z.string(),
    at: z.string().meta({ format: "date-time" }),
    actorType: z.string().meta({ description: `One of ${ACTOR_KINDS.join(", ")}.` }),
    actorLabel: z
      .string()
      .meta({ description: "A person's email, a token's or satellite's name, or a system actor's name." }),
    action: z.string().meta({ example: "command.issue" }),
    targetType: z.string().meta({ example: "satellite" }),
    targetId: z.string().nullable(),
    targetLabel: z
      .string()
      .nullable()
      .meta({ description: "The target's slug, email or version, when it still exists." }),
    summary: z.string(),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
  })
  .meta({ id: "AuditEvent" });

export const auditListQuery = AuditFilterShape.extend(pageQuery.shape);
export const auditListSchema = listOf(auditEventSchema);
