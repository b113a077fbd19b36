import { afterEach, describe, expect, it, vi } from "vitest";
import {
  etagFetcher,
  fetchJson,
  HttpError,
  isSignedOut,
  retryUnlessSignedOut,
  SignedOutError,
} from "./fetch-json";

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

function answer(...responses: Response[]) {
  const fetch = vi.fn(async () => responses.shift() ?? json(500, {}));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error as Error,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe("fetchJson", () => {
  it("turns a 401 into a SignedOutError, whatever the body says", async () => {
    answer(json(401, { error: { code: "UNAUTHORIZED", message: "Sign in first." } }));
    const error = await failureOf(fetchJson("/api/v1/satellites/x", { fallback: "Could not load" }));
    expect(error).toBeInstanceOf(SignedOutError);
    expect(isSignedOut(error)).toBe(true);
    expect(error.message).toMatch(/sign in again/i);
  });

  it("keeps a view's own signed-out wording", async () => {
    answer(json(401, {}));
    const error = await failureOf(
      fetchJson("/x", { fallback: "f", unauthorized: "Sign in to see the fleet." }),
    );
    expect(error).toBeInstanceOf(SignedOutError);
    expect(error.message).toBe("Sign in to see the fleet.");
  });

  it("turns a 401 with an HTML body (a login page) into a SignedOutError, not a parse error", async () => {
    answer(new Response("<!doctype html><title>Sign in</title>", { status: 401 }));
    await expect(fetchJson("/x", { fallback: "f" })).rejects.toBeInstanceOf(SignedOutError);
  });

  it("reads an RFC 9457 problem's detail, as the REST operations answer", async () => {
    answer(json(404, { type: "urn:orrery:problem:not-found", status: 404, detail: 'No satellite "x".' }));
    const error = await failureOf(fetchJson("/api/v1/satellites/x", { fallback: "f" }));
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(404);
    expect(error.message).toBe('No satellite "x".');
  });

  it("uses the server's message for other failures, which are not signed-out errors", async () => {
    answer(json(404, { error: { code: "NOT_FOUND", message: "No satellite x." } }));
    const error = await failureOf(fetchJson("/x", { fallback: "f" }));
    expect(isSignedOut(error)).toBe(false);
    expect(error.message).toBe("No satellite x.");
    answer(new Response("oops", { status: 502 }));
    await expect(fetchJson("/x", { fallback: "Could not load" })).rejects.toThrow(
      "Could not load (HTTP 502).",
    );
  });

  it("reports a 200 that is not JSON as a failure naming the view", async () => {
    answer(new Response("<!doctype html>", { status: 200 }));
    await expect(fetchJson("/x", { fallback: "The rollout could not be refreshed" })).rejects.toThrow(
      "The rollout could not be refreshed: the answer was not JSON.",
    );
  });
});

describe("etagFetcher", () => {
  it("sends the last ETag, hands back the same object on 304, and signs out on 401", async () => {
    const fetch = answer(
      json(200, { n: 1 }, { etag: '"a"' }),
      new Response(null, { status: 304 }),
      json(401, {}),
    );
    const get = etagFetcher<{ n: number }>({ fallback: "f" });
    const first = await get("/api/v1/rollouts/r1");
    expect(await get("/api/v1/rollouts/r1")).toBe(first);
    const calls = fetch.mock.calls as unknown as [string, RequestInit][];
    expect((calls[1][1].headers as Record<string, string>)["If-None-Match"]).toBe('"a"');
    await expect(get("/api/v1/rollouts/r1")).rejects.toBeInstanceOf(SignedOutError);
  });
});

describe("retryUnlessSignedOut", () => {
  it("retries a failure once but never a signed-out one", () => {
    expect(retryUnlessSignedOut(0, new Error("network"))).toBe(true);
    expect(retryUnlessSignedOut(1, new Error("network"))).toBe(false);
    expect(retryUnlessSignedOut(0, new SignedOutError())).toBe(false);
  });
});

describe("retrying a live view", () => {
  it("retries a server failure once, never a refusal or a signed-out session", () => {
    expect(retryUnlessSignedOut(0, new HttpError("boom", 503))).toBe(true);
    expect(retryUnlessSignedOut(1, new HttpError("boom", 503))).toBe(false);
    expect(retryUnlessSignedOut(0, new HttpError("no such satellite", 404))).toBe(false);
    expect(retryUnlessSignedOut(0, new SignedOutError())).toBe(false);
    expect(retryUnlessSignedOut(0, new TypeError("network down"))).toBe(true);
  });
});
