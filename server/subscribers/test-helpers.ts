// Shared by the subscriber tests: a public page over one satellite, and reading what the SMTP sink got.
import { ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import { db } from "../db";
import { registerSatellite } from "../satellites/register";
import { createStatusPage } from "../status/pages";

export async function pageWithOneSatellite(slug: string) {
  await seedRegions();
  const admin = await ctxAs("admin");
  const operator = await ctxAs("operator");
  const sat = await registerSatellite(admin, satelliteInput({ slug: `${slug}-sat`, name: `${slug} site` }));
  await db.satellite.update({
    where: { id: sat.id },
    data: { lifecycle: "active", reportedHealth: "healthy", lastSeenAt: new Date() },
  });
  const page = await createStatusPage(admin, {
    slug,
    title: `${slug} cloud`,
    visibility: "public",
    includeAll: "on",
    showSatellites: "on",
    allowedOrigins: "",
    debounceSec: "60",
  });
  return { admin, operator, pageId: page.id, satellite: sat };
}

/** A raw message's headers (unfolded) and its decoded text, quoted-printable undone. */
export function readMail(raw: string) {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, " ");
  const headers = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  const body = raw
    .slice(split)
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return { headers, body };
}

export const tokenIn = (url: string) => new URL(url).searchParams.get("token");
