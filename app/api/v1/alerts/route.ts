import { listAlerts } from "@/server/alerts/list";
import { route } from "@/server/http/route";

// The Alerts page's live list, polled every few seconds: an unchanged list answers 304.
export const GET = route(async (ctx) => listAlerts(ctx), { etag: true });
