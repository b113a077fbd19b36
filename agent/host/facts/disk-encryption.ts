// Whether the host's disks are encrypted with LUKS/dm-crypt: a device-mapper device whose uuid starts with
// CRYPT- (/sys/block/dm-*/dm/uuid), or else a device lsblk lists as TYPE crypt.
import type { FactSources } from "./sources";

const LSBLK_TIMEOUT_MS = 10_000;

/** true with a crypt device, false when sysfs shows none, null when sysfs cannot be read. */
export function diskEncryptedFromSysfs(sources: Pick<FactSources, "readText" | "listDir">, sysRoot = "/sys") {
  const devices = sources.listDir(`${sysRoot}/block`);
  if (devices === null) return null;
  for (const device of devices) {
    if (!device.startsWith("dm-")) continue;
    const uuid = sources.readText(`${sysRoot}/block/${device}/dm/uuid`);
    if (uuid?.trim().startsWith("CRYPT-")) return true;
  }
  return false;
}

/** `lsblk -n -r -o TYPE`: one type per line; a crypt line means an opened LUKS/dm-crypt device. */
export function parseLsblkTypes(stdout: string): boolean {
  return stdout.split("\n").some((line) => line.trim() === "crypt");
}

export async function readDiskEncrypted(sources: FactSources, sysRoot = "/sys"): Promise<boolean | null> {
  const fromSysfs = diskEncryptedFromSysfs(sources, sysRoot);
  if (fromSysfs === true) return true;
  const result = await sources.exec("lsblk", ["-n", "-r", "-o", "TYPE"], LSBLK_TIMEOUT_MS);
  if (result.kind === "ok" && result.code === 0) return parseLsblkTypes(result.stdout);
  // Without lsblk, sysfs is still authoritative: every dm-crypt mapping appears under /sys/block.
  return fromSysfs;
}
