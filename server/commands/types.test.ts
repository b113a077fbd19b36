import { describe, expect, it } from "vitest";
import { isFormCommandType } from "@/components/commands/command-spec";
import { COMMAND_TYPES, isCommandType } from "./types";

// Names every plain object inherits: a membership test with `in` would take them for command types.
const INHERITED = ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf", "isPrototypeOf"];

describe("command type membership", () => {
  it("accepts every command type", () => {
    for (const type of COMMAND_TYPES) expect(isCommandType(type)).toBe(true);
  });

  it.each(INHERITED)("refuses the inherited name %s, in the route and in the form spec", (name) => {
    expect(isCommandType(name)).toBe(false);
    expect(isFormCommandType(name)).toBe(false);
  });
});
