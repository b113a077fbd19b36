import { describe, expect, it } from "vitest";
import { publishPage, type PageInput, type RegionInput } from "./publish-page";
import {
  DEFAULT_STATUS_THRESHOLDS,
  emptyCounts,
  type DebounceState,
  type StatusCounts,
} from "./status-model";

const now = new Date("2026-03-01T12:00:00Z");
const at = (sec: number) => new Date(now.getTime() + sec * 1000);
const noPeople = { pin: null, incident: null };

function region(id: string, total: number, offline: number, people = noPeople): RegionInput {
  const counts: StatusCounts = { ...emptyCounts(), operational: total - offline, major_outage: offline };
  return { id, counts, people };
}
/** 18 regions of 16 satellites, each all well unless patched. */
function fleet(patch: Record<number, Partial<RegionInput> & { offline?: number }> = {}): RegionInput[] {
  return Array.from({ length: 18 }, (_, i) => {
    const p = patch[i] ?? {};
    return { ...region(`r${i}`, 16, p.offline ?? 0), ...(p.people ? { people: p.people } : {}) };
  });
}
function input(regions: RegionInput[], patch: Partial<PageInput> = {}): PageInput {
  return {
    regions,
    states: new Map(),
    thresholds: DEFAULT_STATUS_THRESHOLDS,
    debounceSec: 120,
    incidentImpacts: [],
    hasActiveMaintenance: false,
    now,
    advance: true,
    ...patch,
  };
}

describe("publishPage", () => {
  it("a new page publishes its computed statuses at once, regions and banner", () => {
    const out = publishPage(input(fleet({ 2: { offline: 2 } })));
    expect(out.regions.get("r2")).toMatchObject({ status: "degraded_performance", source: "computed" });
    expect(out.regions.get("r0")).toMatchObject({ status: "operational", source: "computed" });
    expect(out.indicator).toBe("minor");
    expect(out.overall).toBe("degraded_performance");
  });

  it("holds a region's change for the debounce; the banner moves with the region, never on its own", () => {
    const calm = publishPage(input(fleet()));
    let states: ReadonlyMap<string, DebounceState> = calm.states;
    const sick = fleet({ 5: { offline: 5 } });
    const early = publishPage(input(sick, { states, now: at(60) }));
    expect(early.regions.get("r5")).toMatchObject({ status: "operational", live: "partial_outage" });
    expect(early.indicator).toBe("none");
    states = early.states;
    const later = publishPage(input(sick, { states, now: at(185) }));
    expect(later.regions.get("r5")?.status).toBe("partial_outage");
    // A published degraded region is on the banner at once: it never says better than the rows below it.
    expect(later.indicator).toBe("minor");
    // Recovery is held the same way, and the banner follows the region back.
    const well = fleet();
    const healing = publishPage(input(well, { states: later.states, now: at(200) }));
    expect(healing.regions.get("r5")?.status).toBe("partial_outage");
    expect(healing.indicator).toBe("minor");
    const healed = publishPage(input(well, { states: healing.states, now: at(330) }));
    expect(healed.regions.get("r5")?.status).toBe("operational");
    expect(healed.indicator).toBe("none");
  });

  it("reading does not move the states: it publishes what is stored", () => {
    const calm = publishPage(input(fleet()));
    const read = publishPage(
      input(fleet({ 1: { offline: 16 } }), { states: calm.states, advance: false, now: at(999) }),
    );
    expect(read.regions.get("r1")?.status).toBe("operational");
    expect(read.indicator).toBe("none");
  });

  it("people's statuses apply at once, to the region and to the page", () => {
    const calm = publishPage(input(fleet()));
    const pinned = fleet({ 4: { people: { pin: "major_outage", incident: null } } });
    const out = publishPage(input(pinned, { states: calm.states, now: at(1) }));
    expect(out.regions.get("r4")).toMatchObject({
      status: "major_outage",
      source: "pin",
      computed: "operational",
    });
    expect(out.indicator).toBe("major");

    const incident = fleet({ 3: { people: { pin: null, incident: "partial_outage" } } });
    const declared = publishPage(
      input(incident, { states: calm.states, incidentImpacts: ["major"], now: at(1) }),
    );
    expect(declared.regions.get("r3")).toMatchObject({ status: "partial_outage", source: "incident" });
    expect(declared.indicator).toBe("major");
  });

  it("a pin to operational quiets a region the satellites call down", () => {
    const down = fleet({ 0: { offline: 16, people: { pin: "operational", incident: null } } });
    const out = publishPage(input(down));
    expect(out.regions.get("r0")).toMatchObject({
      status: "operational",
      source: "pin",
      computed: "major_outage",
    });
    expect(out.indicator).toBe("none");
  });

  it("maintenance on the page says so at once", () => {
    const out = publishPage(input(fleet(), { hasActiveMaintenance: true }));
    expect(out.indicator).toBe("maintenance");
    const all = [{ id: "r0", counts: { ...emptyCounts(), under_maintenance: 4 }, people: noPeople }];
    expect(publishPage(input(all)).regions.get("r0")).toMatchObject({
      status: "under_maintenance",
      source: "maintenance",
    });
  });
});
