// FIPS mode from /proc/sys/crypto/fips_enabled: "1" on, "0" off; anything else, or no file, is unknown.
import type { FactSources } from "./sources";

export function readFipsEnabled(sources: Pick<FactSources, "readText">, procRoot = "/proc"): boolean | null {
  const text = sources.readText(`${procRoot}/sys/crypto/fips_enabled`)?.trim();
  if (text === "1") return true;
  if (text === "0") return false;
  return null;
}
