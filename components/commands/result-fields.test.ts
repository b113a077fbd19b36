import { describe, expect, it } from "vitest";
import { formatBytes, resultFields, resultLabel } from "./result-fields";

describe("a command's result as fields", () => {
  it("reads a diagnostics result: durations, versions, lists and a table of records", () => {
    const fields = resultFields({
      uptimeSec: 273_600,
      rttMs: 42.5,
      stackVersion: "2026.12.0",
      load: [1.2, 0.9, 0.7],
      degradedServices: [],
      interfaces: [{ name: "eth0", rxBytes: 1_500_000_000, rxErrors: 0 }],
    });
    expect(fields.map((f) => f.label)).toEqual([
      "Uptime",
      "Round trip",
      "Stack version",
      "Load",
      "Degraded services",
      "Interfaces",
    ]);
    expect(fields[0].value).toEqual({ kind: "text", text: "3 d 4 h" });
    expect(fields[1].value).toEqual({ kind: "text", text: "42.5 ms" });
    expect(fields[2].value).toMatchObject({ kind: "text", text: "2026.12.0", isMono: true });
    expect(fields[3].value).toEqual({ kind: "list", items: ["1.2", "0.9", "0.7"] });
    expect(fields[4].value).toEqual({ kind: "text", text: "none" });
    expect(fields[5].value).toEqual({
      kind: "table",
      columns: ["Name", "Rx", "Rx errors"],
      rows: [["eth0", "1.5 GB", "0"]],
    });
  });

  it("reads an upgrade hook's outcome, marking a failure", () => {
    const fields = resultFields({ version: "2026.12.1", exitCode: 3, isTimedOut: false, durationMs: 95_000 });
    expect(fields).toEqual([
      { key: "version", label: "Version", value: { kind: "text", text: "2026.12.1", isMono: true } },
      { key: "exitCode", label: "Exit code", value: { kind: "text", text: "3", tone: "bad" } },
      { key: "isTimedOut", label: "Timed out", value: { kind: "text", text: "no", tone: undefined } },
      { key: "durationMs", label: "Duration", value: { kind: "text", text: "2 min" } },
    ]);
  });

  it("nests records two levels, then shows JSON; a bare value is one field", () => {
    const [disk] = resultFields({ disk: { usedPct: 71.25, mounts: { root: { free: 1 } } } });
    expect(disk.value).toEqual({
      kind: "group",
      fields: [
        { key: "usedPct", label: "Used", value: { kind: "text", text: "71.3 %" } },
        {
          key: "mounts",
          label: "Mounts",
          value: {
            kind: "group",
            fields: [
              { key: "root", label: "Root", value: { kind: "text", text: '{"free":1}', isMono: true } },
            ],
          },
        },
      ],
    });
    expect(resultFields("done")).toEqual([
      { key: "result", label: "Result", value: { kind: "text", text: "done", isMono: false } },
    ]);
    expect(resultFields(null)).toEqual([]);
  });

  it("names keys and bytes in words", () => {
    expect(resultLabel("rxBytes")).toBe("Rx");
    expect(resultLabel("isRebootNeeded")).toBe("Reboot needed");
    expect(formatBytes(999)).toBe("999 B");
    expect(formatBytes(2_345_678)).toBe("2.3 MB");
  });
});
