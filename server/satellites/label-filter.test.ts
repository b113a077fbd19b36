import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import type { Ctx } from "../auth/context";
import { listSatellites } from "./list";
import { registerSatellite } from "./register";

let admin: Ctx;

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  await registerSatellite(admin, satelliteInput({ slug: "lbl-underscore", labels: { rack: "a_1" } }));
  await registerSatellite(admin, satelliteInput({ slug: "lbl-letter", labels: { rack: "ab1" } }));
  await registerSatellite(admin, satelliteInput({ slug: "lbl-percent", labels: { rack: "50%" } }));
  await registerSatellite(admin, satelliteInput({ slug: "lbl-upper", labels: { env: "PROD" } }));
  await registerSatellite(admin, satelliteInput({ slug: "lbl-lower", labels: { env: "prod" } }));
});

const slugs = async (label: string) =>
  (await listSatellites(admin, { label })).items.map((s) => s.slug).sort();

describe("label filters match labels exactly", () => {
  it("treats _ and % as the characters they are, not as wildcards", async () => {
    expect(await slugs("rack=a_1")).toEqual(["lbl-underscore"]);
    expect(await slugs("rack=5%")).toEqual([]);
    expect(await slugs("rack=50%")).toEqual(["lbl-percent"]);
  });

  it("tells upper from lower case in label values", async () => {
    expect(await slugs("env=prod")).toEqual(["lbl-lower"]);
    expect(await slugs("env=PROD")).toEqual(["lbl-upper"]);
  });
});
