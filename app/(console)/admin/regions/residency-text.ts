import type { RegionAdminView } from "@/server/compliance/admin";

/** The residency rule in words: "in eu-gdpr only", "also to uk-gdpr, ch-fadp", "anywhere". */
export function residencyText(r: Pick<RegionAdminView, "id" | "residencyRule" | "residencyAllowed">): string {
  if (r.residencyRule === "unrestricted") return "anywhere";
  if (r.residencyRule === "allow_list") return `in the region, and to ${r.residencyAllowed.join(", ")}`;
  return "in the region only";
}
