// Round trips to a core assumed in Frankfurt: great-circle distance over fibre with routing detours.
import { type Rng, chance, clamp, round1, uniform } from "./prng";

const CORE = { lat: 50.11, lon: 8.68 };
const EARTH_RADIUS_KM = 6371;
/** ~200 km/ms in fibre, there and back, plus detours: about 70 km of distance per millisecond of rtt. */
const KM_PER_RTT_MS = 70;

export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

export function baseRttMs(lat: number, lon: number): number {
  return clamp(5 + distanceKm(lat, lon, CORE.lat, CORE.lon) / KM_PER_RTT_MS, 5, 250);
}

/** One measured round trip: the geographic base with queueing noise, plus any delay the link adds. */
export function rttSampleMs(rng: Rng, baseMs: number, extraDelayMs = 0): number {
  return round1(baseMs * uniform(rng, 0.95, 1.15) + uniform(rng, 0, 3) + extraDelayMs);
}

/** Slow links hold every request this long before it leaves. */
export function slowLinkDelayMs(rng: Rng): number {
  return Math.round(uniform(rng, 300, 1500));
}

/** Packet loss: near zero, rare spikes, and more while the network service is degraded. */
export function lossPctSample(rng: Rng, isNetworkDegraded: boolean): number {
  if (isNetworkDegraded) return round1(uniform(rng, 1, 6));
  if (chance(rng, 0.01)) return round1(uniform(rng, 1, 8));
  return Math.round(rng() ** 3 * 20) / 100;
}
