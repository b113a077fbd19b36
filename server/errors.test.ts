import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, parseInput, readableError, toErrorBody, validationError } from "./errors";

const Input = z.object({
  payload: z.object({ service: z.string().meta({ label: "Service" }) }),
  name: z.string().max(100).meta({ label: "Name" }),
  allowedOrigins: z.array(z.url()).optional(),
});

describe("what a person reads about an error", () => {
  it("a validation error answers sentences with labels, keyed by the field's path", () => {
    const parsed = Input.safeParse({ payload: {}, name: "x".repeat(101), allowedOrigins: ["nope"] });
    const error = validationError(parsed.error!, { schema: Input });
    const { status, body } = toErrorBody(error);
    expect(status).toBe(422);
    expect(body.error.fields).toEqual({
      "payload.service": "Service is required",
      name: "Name must be at most 100 characters",
      "allowedOrigins[0]": "Allowed origin 1 must be a full URL such as https://example.com",
    });
    expect(body.error.message).toBe(
      "Service is required. Name must be at most 100 characters. Allowed origin 1 must be a full URL such as https://example.com.",
    );
    expect(JSON.stringify(body)).not.toMatch(/Invalid input|Too big|expected string/);
  });

  it("parseInput labels a nested schema's fields under its prefix", () => {
    const Payload = z.object({ service: z.string().meta({ label: "Service" }) });
    const error = (() => {
      try {
        parseInput(Payload, {}, "payload.");
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(readableError(error!)).toEqual({
      message: "Service is required.",
      fields: { "payload.service": "Service is required" },
    });
  });

  it("reads hand-made errors that name a path", () => {
    expect(readableError(new AppError("VALIDATION", "type: is not a command type")).message).toBe(
      "Type is not a command type.",
    );
    const withFields = new AppError("NOT_FOUND", "target.satelliteIds: no satellite x", {
      fields: { "target.satelliteIds": "no satellite x" },
    });
    expect(readableError(withFields)).toEqual({
      message: "No satellite x.",
      fields: { "target.satelliteIds": "No satellite x" },
    });
    const sentence = new AppError("CONFLICT", "The selection changed since you confirmed it.");
    expect(readableError(sentence).message).toBe("The selection changed since you confirmed it.");
  });
});
