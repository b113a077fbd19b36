import { describe, expect, it } from "vitest";
import { dropProcessSingleton, processSingleton } from "./process-singleton";

describe("processSingleton", () => {
  it("creates once per key and process, whichever copy of a module asks", () => {
    let created = 0;
    const first = processSingleton("test.counter", () => ({ id: ++created }));
    const second = processSingleton("test.counter", () => ({ id: ++created }));
    expect(second).toBe(first);
    expect(created).toBe(1);
    // Another copy of the module finds it under the same registered symbol.
    expect((globalThis as Record<symbol, unknown>)[Symbol.for("orrery.test.counter")]).toBe(first);
    expect(processSingleton("test.other", () => ({ id: ++created }))).not.toBe(first);
  });

  it("creates a new instance after the old one was dropped", () => {
    const first = processSingleton("test.dropped", () => ({}));
    dropProcessSingleton("test.dropped");
    expect(processSingleton("test.dropped", () => ({}))).not.toBe(first);
  });
});
