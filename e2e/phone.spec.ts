import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { publishRelease } from "./api-helpers";
import { authFile, gotoReady } from "./helpers";

// The phone project (playwright.config.ts, 390×844): every console page as an admin, and the public status
// page, must fit the screen's width. A page wider than the phone fails with the widest element that pokes
// out, so the fix starts in the right place.
test.use({ storageState: authFile("admin") });

const PAGES = [
  "/",
  "/satellites",
  "/rollouts",
  "/commands",
  "/incidents",
  "/incidents/resolved",
  "/incidents/maintenance",
  "/audit",
  "/alerts",
  "/admin/satellites",
  "/admin/users",
  "/admin/tokens",
  "/settings/tokens",
  "/account",
  "/admin/releases",
  "/admin/status-pages",
  "/admin/regions",
  "/status/global",
];

type Overflow = { scrollWidth: number; innerWidth: number; widest: string | null };

/**
 * How far the document is wider than the window, and the element that reaches furthest right beyond it
 * (ignoring what a scrolling or clipping container keeps inside itself, which does not widen the page).
 */
async function overflowOf(page: Page): Promise<Overflow | null> {
  return page.evaluate(() => {
    const innerWidth = window.innerWidth;
    const scrollWidth = document.scrollingElement?.scrollWidth ?? 0;
    if (scrollWidth <= innerWidth) return null;
    const isContained = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const overflowX = getComputedStyle(a).overflowX;
        if (overflowX !== "visible" && a.getBoundingClientRect().right <= innerWidth + 1) return true;
      }
      return false;
    };
    const describe = (el: Element) => {
      const path: string[] = [];
      for (let e: Element | null = el; e && e !== document.body && path.length < 4; e = e.parentElement) {
        const classes = [...e.classList]
          .slice(0, 2)
          .map((c) => `.${c}`)
          .join("");
        path.unshift(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}${classes}`);
      }
      const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      return `${path.join(" > ")} (${Math.round(el.getBoundingClientRect().width)} px wide, right edge at ${Math.round(el.getBoundingClientRect().right)} px${text ? `, "${text}"` : ""})`;
    };
    let widest: { el: Element; right: number; width: number } | null = null;
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= innerWidth + 1 || isContained(el)) continue;
      if (!widest || r.width > widest.width || (r.width === widest.width && r.right >= widest.right)) {
        widest = { el, right: r.right, width: r.width };
      }
    }
    return { scrollWidth, innerWidth, widest: widest ? describe(widest.el) : null };
  });
}

async function expectFits(page: Page, path: string) {
  const response = await page.goto(path);
  await page.locator("html[data-hydrated]").waitFor();
  await page.waitForLoadState("networkidle").catch(() => undefined);
  const status = response?.status() ?? 0;
  expect(status, `${path} answered ${status}`).toBeLessThan(400);
  const overflow = await overflowOf(page);
  expect(
    overflow,
    overflow
      ? `${path} is ${overflow.scrollWidth} px wide on a ${overflow.innerWidth} px screen; widest: ${overflow.widest}`
      : "",
  ).toBeNull();
}

test.describe("every page fits a phone", () => {
  for (const path of PAGES) {
    test(path, async ({ page }) => {
      await expectFits(page, path);
    });
  }

  test("a satellite's page, also one never seen", async ({ page, enroll }) => {
    const seen = await enroll();
    await seen.beat({ compute: "ok", storage: "down", network: "ok" });
    await expectFits(page, `/satellites/${seen.slug}`);
    await expect(page.getByTestId("status-reason")).toContainText("storage is down");
    const never = await enroll();
    await expectFits(page, `/satellites/${never.slug}`);
    await expect(page.getByRole("heading", { name: "Enroll this satellite" })).toBeVisible();
  });

  // A rollout and an incident of their own, so neither depends on what another spec left behind.
  test("a rollout's page", async ({ page, enroll, baseURL }) => {
    const headers = { origin: new URL(baseURL!).origin };
    const sat = await enroll();
    await sat.beat({ compute: "ok", storage: "ok", network: "ok" });
    const releaseId = await publishRelease(page.request, headers, 2043);
    const started = await page.request.post("/api/v1/rollouts", {
      headers,
      data: { releaseId, satellites: [sat.slug], waves: [100] },
    });
    expect(started.status(), await started.text()).toBe(202);
    const { id } = (await started.json()) as { id: string };
    try {
      await expectFits(page, `/rollouts/${id}`);
    } finally {
      await page.request.post(`/api/v1/rollouts/${id}/cancel`, {
        headers,
        data: { reason: "phone check done" },
      });
    }
  });

  test("an incident's page", async ({ page, enroll, baseURL }) => {
    const sat = await enroll();
    const res = await page.request.post("/api/v1/incidents", {
      headers: { origin: new URL(baseURL!).origin },
      data: {
        title: "Phone check: packet loss",
        impact: "minor",
        body: "Looking into packet loss on the uplink.",
        satellites: [sat.slug],
        isPublished: false,
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    await expectFits(page, `/incidents/${id}`);
    await expect(page.getByRole("heading", { name: "Phone check: packet loss" })).toBeVisible();
  });
});

test.describe("the phone's shell", () => {
  test("the first Tab reaches 'Skip to content', which lands on the page", async ({ page }) => {
    await gotoReady(page, "/satellites");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
  });

  test("the navigation is a menu that opens, follows a link, and closes on Escape or outside", async ({
    page,
  }) => {
    await gotoReady(page, "/satellites");
    const nav = page.getByRole("navigation", { name: "Main" });
    const menu = page.getByRole("button", { name: "Menu" });
    await expect(nav).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();

    await menu.click();
    await page.mouse.click(380, 600); // on the page beside the drawer
    await expect(nav).toBeHidden();

    await menu.click();
    await nav.getByRole("link", { name: "Commands" }).click();
    await expect(page).toHaveURL(/\/commands$/);
    await expect(nav).toBeHidden();
  });

  test("the satellites list is cards with health and connectivity first, and its filters open in a sheet", async ({
    page,
    satellite,
  }) => {
    await gotoReady(page, `/satellites?q=${satellite.slug}`);
    const card = page.locator("tbody tr").first();
    const cells = card.locator("td");
    // The two status pills open the card, above the satellite's name.
    const pills = await card
      .locator(".pill")
      .evaluateAll((ps) => ps.slice(0, 2).map((p) => p.getBoundingClientRect().top));
    const name = await card.getByRole("link", { name: satellite.name }).boundingBox();
    expect(pills).toHaveLength(2);
    expect(Math.max(...pills)).toBeLessThan(name!.y);
    // Each other column is a line labelled with its header (drawn from data-label).
    await expect(cells.and(page.locator('[data-label="Last seen"]'))).toBeVisible();

    const search = page.getByRole("search", { name: "Filter satellites" });
    await expect(search).toBeHidden();
    const filters = page.getByRole("button", { name: "Filters (1)" });
    await filters.click();
    await expect(search).toBeVisible();
    await expect(search.getByLabel("Search")).toHaveValue(satellite.slug);
    await page.keyboard.press("Escape");
    await expect(search).toBeHidden();
    await expect(filters).toBeFocused();
  });
});
