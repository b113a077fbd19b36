import type { RegionChoice } from "@/components/regions/region-form";
import type { RegionAdminView } from "@/server/compliance/admin";

/** The residency rule in words: "in the region only", "in the region, and to uk-gdpr, ch-fadp", "anywhere". */
export function residencyText(r: Pick<RegionAdminView, "id" | "residencyRule" | "residencyAllowed">): string {
  if (r.residencyRule === "unrestricted") return "anywhere";
  if (r.residencyRule === "allow_list") return `in the region, and to ${r.residencyAllowed.join(", ")}`;
  return "in the region only";
}

/** What the region form needs of every region: the allow list's choices and who holds which country. */
export function regionChoices(regions: RegionAdminView[]): RegionChoice[] {
  return regions.map((r) => ({
    id: r.id,
    name: r.name,
    color: r.color,
    countries: r.countries,
    isRetired: r.retiredAt !== null,
  }));
}
