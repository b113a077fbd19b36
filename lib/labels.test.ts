import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeLabelPair, encodeLabelPair, labelNeedle, labelPairsOf, labelTextOf } from "./labels";

describe("label filter text", () => {
  it("keeps plain labels readable and encodes everything a LIKE could misread", () => {
    expect(labelTextOf({ tier: "gold", zone: "eu-1" })).toBe("|tier=gold|zone=eu-1|");
    expect(encodeLabelPair("rack=a_1")).toBe("rack=a~5f1");
    expect(encodeLabelPair("cap=50%")).toBe("cap=50~25");
    expect(encodeLabelPair("env=PROD")).toBe("env=~50~52~4f~44");
    expect(encodeLabelPair("city=Zürich")).toBe("city=~5a~c3~bcrich");
    expect(labelNeedle("a=~")).toBe("|a=~7e|");
  });

  it("decodes what it encodes, for any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (text) => {
        const encoded = encodeLabelPair(text);
        expect(encoded).toMatch(/^[a-z0-9=./~-]*$/);
        expect(decodeLabelPair(encoded)).toBe(text);
      }),
    );
    expect(labelPairsOf(labelTextOf({ env: "PROD", rack: "a_1" }))).toEqual(["env=PROD", "rack=a_1"]);
  });
});
