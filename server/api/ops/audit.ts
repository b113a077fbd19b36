import { z } from "zod";
import type { AuditRow } from "../../audit-log";
import { listAuditPage } from "../../audit-page";
import { parseInput } from "../../errors";
import { op, type Operation } from "../operation";
import { decodeCursor, pageFrom, pageQuery, type ListPage } from "../pagination";
import { auditListQuery, auditListSchema } from "../schemas/audit";

const cursorKey = z.tuple([z.iso.datetime(), z.string().min(1).max(200)]);

export const auditOps: Operation[] = [
  op<Record<string, string>, ListPage<AuditRow>>({
    method: "GET",
    path: "/audit",
    id: "listAuditEvents",
    permission: "audit.read",
    summary: "List audit events",
    description:
      "Newest first. Operators and admins. Filters: `actor` (an email, a token's or " +
      "satellite's name, or `system`), `actorType`, `action` (`release.create`, or a prefix such as " +
      "`release.`), `targetType`, `target` (a slug, email, version or id), `since`/`until` (UTC, e.g. " +
      "`2026-05-01T14:30:00Z`; `until` covers the whole minute or day it names) and `q` (words in the summary).",
    tags: ["Audit"],
    query: auditListQuery,
    response: auditListSchema,
    handler: async (ctx, { query, req }) => {
      const { limit, cursor } = parseInput(pageQuery, query);
      const key = decodeCursor(cursor, cursorKey);
      const after = key && { at: key[0], id: key[1] };
      const rows = await listAuditPage(ctx, query, { limit, after });
      return pageFrom(rows, limit, (e) => [e.at, e.id], req.url);
    },
  }),
];
