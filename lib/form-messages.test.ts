import { describe, expect, it } from "vitest";
import { z } from "zod";
import { humanize, labelFor, messageFor, summarize, type IssueLike } from "./form-messages";

/** Each issue of parsing `input` as the sentence a person reads, keyed by its path. */
function sentences(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(
    result.error.issues.map((i) => [i.path.join("."), messageFor(i as IssueLike, labelFor(i.path, schema))]),
  );
}

const Page = z.object({
  title: z.string().trim().min(1).max(100).meta({ label: "Name" }),
  allowedOrigins: z.array(z.url()).max(3),
  payload: z.object({ service: z.string().meta({ label: "Service" }) }),
  count: z.coerce.number().int().min(1).max(10).optional(),
  kind: z.enum(["edge", "core"]),
  email: z.email().optional(),
  labels: z.record(z.string(), z.string().max(3)).optional(),
  reason: z.string().max(5, "must be at most 5 characters").optional(),
  body: z.string().min(1, "say what is happening").optional(),
  slug: z
    .string()
    .regex(/^[a-z]+$/, "Use lower-case letters only.")
    .optional(),
});

describe("the message map", () => {
  it("names a missing field by its label, never its path or zod's text", () => {
    const out = sentences(Page, { allowedOrigins: [], payload: {}, kind: "edge" });
    expect(out.title).toBe("Name is required");
    expect(out["payload.service"]).toBe("Service is required");
    for (const text of Object.values(out)) {
      expect(text).not.toMatch(/Invalid input|expected|received|payload\.|\[0\]/);
    }
  });

  it("says how long text may be, with the label from the schema", () => {
    const out = sentences(Page, {
      title: "x".repeat(101),
      allowedOrigins: [],
      payload: { service: "a" },
      kind: "edge",
    });
    expect(out).toEqual({ title: "Name must be at most 100 characters" });
  });

  it("numbers list entries from 1 and reads a URL's format as an example", () => {
    const out = sentences(Page, {
      title: "ok",
      allowedOrigins: ["nope", "https://ok.example", "mailto"],
      payload: { service: "a" },
      kind: "edge",
    });
    expect(out["allowedOrigins.0"]).toBe("Allowed origin 1 must be a full URL such as https://example.com");
    expect(out["allowedOrigins.2"]).toBe("Allowed origin 3 must be a full URL such as https://example.com");
    const many = {
      title: "ok",
      allowedOrigins: Array(4).fill("https://ok.example"),
      payload: { service: "a" },
    };
    expect(sentences(Page, { ...many, kind: "edge" }).allowedOrigins).toBe(
      "Allowed origins may have at most 3 entries",
    );
  });

  it("reads numbers, choices, emails and map entries", () => {
    const out = sentences(Page, {
      title: "ok",
      allowedOrigins: [],
      payload: { service: "a" },
      count: "2.5",
      kind: "mainframe",
      email: "nobody",
      labels: { tier: "platinum" },
    });
    expect(out.count).toBe("Count must be a whole number");
    expect(out.kind).toBe("Kind must be one of edge or core");
    expect(out.email).toBe("Email must be an email address such as name@example.com");
    expect(out["labels.tier"]).toBe('Label "tier" must be at most 3 characters');
    expect(
      sentences(Page, {
        ...{ title: "ok", allowedOrigins: [], payload: { service: "a" } },
        kind: "edge",
        count: 0,
      }).count,
    ).toBe("Count must be at least 1");
  });

  it("keeps a schema's own wording: fragments get the label, instructions become sentences", () => {
    const out = sentences(Page, {
      title: "ok",
      allowedOrigins: [],
      payload: { service: "a" },
      kind: "edge",
      reason: "far too long",
      body: "",
      slug: "ABC",
    });
    expect(out.reason).toBe("Reason must be at most 5 characters");
    expect(out.body).toBe("Say what is happening");
    expect(out.slug).toBe("Use lower-case letters only.");
  });

  it("names fields without a label in words", () => {
    expect(humanize("allowedOrigins")).toBe("Allowed origins");
    expect(humanize("satelliteIds")).toBe("Satellite IDs");
    expect(humanize("cpuCores")).toBe("CPU cores");
    expect(humanize("lat")).toBe("Latitude");
    expect(labelFor(["target", "satelliteIds", 4])).toBe("Satellite ID 5");
    expect(labelFor([])).toBe("This request");
  });

  it("summarizes a form in at most three sentences", () => {
    expect(summarize(["Name is required"])).toBe("Name is required.");
    expect(
      summarize(["A is required", "B is required", "C is required", "D is required", "E is required"]),
    ).toBe("A is required. B is required. C is required. And 2 more fields need a fix.");
  });
});
