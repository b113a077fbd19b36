import { describe, expect, it } from "vitest";
import { db } from "../db";
import { currentDeliveryPass, refuseDeliveryInThisProcess, startDeliveryPass } from "./background";

describe("startDeliveryPass", () => {
  it("runs one pass at a time, and none at all in a process that refused delivery (the web entry)", async () => {
    expect(startDeliveryPass()).toBe(true);
    expect(startDeliveryPass()).toBe(false); // the first is still running
    await currentDeliveryPass();
    refuseDeliveryInThisProcess();
    expect(startDeliveryPass()).toBe(false);
    await db.$disconnect();
  });
});
