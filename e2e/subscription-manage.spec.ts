import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./fixtures";
import { gotoReady } from "./helpers";

// Leaving through a message's unsubscribe link, and coming back: the page says at once what is true, a
// plain Save never takes back an unsubscribe, and only "Subscribe again" does.
let server: Server;
let hookUrl: string;
const pings: { meta?: { unsubscribe?: string } }[] = [];

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.headers["x-orrery-event"] === "subscriber.verify") {
        pings.push(JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}"));
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/leaving`;
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test("the unsubscribe link asks first, the page tells the truth at once, and only Subscribe again comes back", async ({
  browser,
}) => {
  const page = await browser.newPage();
  await gotoReady(page, "/status/global");
  const form = page.locator("#subscribe");
  await form.getByLabel("Webhook URL").fill(hookUrl);
  await form.getByRole("button", { name: "Subscribe" }).click();
  await expect(form.getByText("Webhook added.")).toBeVisible();
  await expect.poll(() => pings.length).toBe(1);
  const link = new URL(pings[0].meta!.unsubscribe!);

  await page.goto(link.pathname + link.search);
  await expect(page).toHaveURL(/leave=1/);
  const host = new URL(hookUrl).host;
  await expect(page.getByText(`Stop all messages to the webhook at ${host}?`)).toBeVisible();
  const leave = page.getByRole("button", { name: "Unsubscribe" });
  await expect(leave).toBeFocused();
  await expect(page.getByRole("link", { name: /Orrery Cloud status/ })).toHaveAttribute(
    "href",
    "/status/global",
  );

  await leave.click();
  await expect(page.getByText("You are unsubscribed: nothing more will be sent.")).toBeVisible();
  await expect(page.getByText(/· unsubscribed/)).toBeVisible();
  await expect(page.getByText(/· active/)).toHaveCount(0);
  await page.reload();
  await expect(page.getByText(/· unsubscribed/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
  await expect(page.getByText("What to follow")).toHaveCount(0);

  await page.getByRole("button", { name: "Subscribe again" }).click();
  await expect(page).not.toHaveURL(/leave=1/);
  await expect(page.getByText(/· active/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Save" })).toBeVisible();
  await page.close();
});
