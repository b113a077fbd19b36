export { nextOpening, windowIntervals, HORIZON_DAYS } from "./next-opening";
export type { Opening, WindowKind, WindowSatellite, WindowSpec } from "./next-opening";
export { parseWindowRule } from "./rule";
export { describeScope, inScope, type ScopedSatellite, type WindowScope } from "./scope";
export { zoneOfLocation, type Located } from "./satellite-zone";
export { isKnownZone, offsetAt, utcToWall, wallToUtc } from "./zone";
