import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { authFile, gotoReady } from "./helpers";

test.describe("an admin", () => {
  test.use({ storageState: authFile("admin") });

  test("publishes and edits a release, then finds both in the audit log and its CSV export", async ({
    page,
  }) => {
    const version = `2040.${Date.now().toString().slice(-6)}.0`;
    await gotoReady(page, "/admin/releases");

    // Without a certified region the release is refused, the field named, and the typing kept.
    await page.getByLabel("Version", { exact: true }).fill(version);
    await page.getByLabel("Artifact size (MB)").fill("2450");
    await page.getByLabel("Minimum agent version").fill("1.4.0");
    await page.getByLabel("Notes").fill("Kubernetes 1.35 for the EU fleet.");
    await page.getByRole("button", { name: "Publish release" }).click();
    await expect(page.getByText("Choose at least one compliance region", { exact: true })).toBeVisible();
    await expect(page.getByLabel("Version", { exact: true })).toHaveValue(version);

    await page.getByRole("checkbox", { name: "eu-gdpr", exact: true }).check();
    await page.getByRole("checkbox", { name: "uk-gdpr", exact: true }).check();
    await page.getByRole("button", { name: "Publish release" }).click();
    await expect(page.getByText(`Published ${version}, certified for eu-gdpr, uk-gdpr.`)).toBeVisible();
    const row = page.getByRole("row", { name: version });
    await expect(row).toContainText("eu-gdpr");
    await expect(row).toContainText("uk-gdpr");
    await expect(row).toContainText("2,450 MB");
    await expect(row).toContainText("0 satellites");
    await page.screenshot({ path: "test-results/screens/admin-releases.png", fullPage: true });

    await row.getByRole("link", { name: `Edit ${version}` }).click();
    await expect(page.getByRole("heading", { name: `Release ${version}` })).toBeVisible();
    await page.locator("html[data-hydrated]").waitFor();
    await page.getByLabel("Notes").fill("Kubernetes 1.35.1 for the EU and UK fleets.");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText(`Saved ${version}.`, { exact: true })).toBeVisible();
    await gotoReady(page, "/admin/releases");
    await expect(page.getByRole("row", { name: version })).toContainText(
      "Kubernetes 1.35.1 for the EU and UK fleets.",
    );

    // The audit log, filtered by the action prefix through its form.
    await gotoReady(page, "/audit");
    await page.getByLabel("Action", { exact: true }).fill("release.");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]action=release\.(&|$)/);
    const events = page.getByRole("row").filter({ hasText: version });
    await expect(events).toHaveCount(2);
    await expect(events.filter({ hasText: "release.update" })).toContainText("admin@orrery.local");
    await expect(events.filter({ hasText: "release.create" })).toContainText("eu-gdpr, uk-gdpr");
    await page.screenshot({ path: "test-results/screens/audit.png", fullPage: true });

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^orrery-audit-\d+\.csv$/);
    const lines = readFileSync((await file.path())!, "utf8")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("at,actor_type,actor,action,target_type,target_id,target,summary,ip,request_id");
    // Text cells are quoted: the action is the fourth cell, without its quotes.
    const action = (l: string) => l.split(",")[3].replace(/^"|"$/g, "");
    expect(lines.slice(1).every((l) => action(l).startsWith("release."))).toBe(true);
    const mine = lines.filter((l) => l.includes(version)).map(action);
    expect(mine.sort()).toEqual(["release.create", "release.update"]);
  });

  test("a bad date in the audit filters is explained, on the page and by the CSV route", async ({ page }) => {
    await gotoReady(page, "/audit?from=2026-02-31T10:00");
    // Next's route announcer is an alert too, hence the filter.
    const alert = page.getByRole("alert").filter({ hasText: "These filters are not valid" });
    await expect(alert).toContainText(/from/i);
    await expect(page.getByLabel("From (UTC)")).toHaveAttribute("aria-invalid", "true");
    const res = await page.request.get("/api/v1/audit.csv?from=2026-05-02T00:00&to=2026-05-01T00:00");
    expect(res.status()).toBe(422);
    expect((await res.json()).error.fields).toEqual({ to: "To must be later than from" });
  });
});

test.describe("a viewer", () => {
  test.use({ storageState: authFile("viewer") });

  test("is denied the releases admin, the audit page and its export", async ({ page }) => {
    for (const path of ["/admin/releases", "/audit?action=release."]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "You cannot open this page" })).toBeVisible();
      await expect(page.getByRole("table")).toHaveCount(0);
    }
    const csv = await page.request.get("/api/v1/audit.csv?action=release.");
    expect(csv.status()).toBe(403);
    expect((await csv.json()).error.code).toBe("FORBIDDEN");
  });
});
