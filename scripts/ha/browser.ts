// A signed-in person in Chromium, through the balancer, loading console pages one after another for the
// whole run: each page must come back signed in (the role shown), whichever replica answers.
import { chromium, type Browser, type Page } from "playwright-core";
import { sleep } from "./cluster";

const PAGES = ["/", "/satellites", "/rollouts", "/commands", "/incidents", "/audit"];

export class BrowserSession {
  loads = 0;
  failures = new Map<string, number>();
  private browser: Browser | null = null;
  private isRunning = false;
  private loop: Promise<void> = Promise.resolve();
  phase = "start";

  async start(base: string, email: string, password: string): Promise<void> {
    this.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });
    const page = await this.browser.newPage({ baseURL: base });
    await page.goto("/login");
    await page.locator("html[data-hydrated]").waitFor();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("role").waitFor({ timeout: 30_000 });
    this.isRunning = true;
    this.loop = this.browse(page);
  }

  private async browse(page: Page): Promise<void> {
    for (let i = 0; this.isRunning; i++) {
      const path = PAGES[i % PAGES.length];
      try {
        const res = await page.goto(path, { timeout: 20_000 });
        if (!res?.ok()) throw new Error(`status ${res?.status()}`);
        await page.getByTestId("role").waitFor({ timeout: 10_000 });
        this.loads++;
      } catch (error) {
        const key = `${this.phase}: ${String(error).split("\n")[0].slice(0, 80)}`;
        this.failures.set(key, (this.failures.get(key) ?? 0) + 1);
      }
      await sleep(1_000);
    }
  }

  async stop(): Promise<void> {
    this.isRunning = false;
    await this.loop;
    await this.browser?.close();
  }

  failureCount(): number {
    return [...this.failures.values()].reduce((a, b) => a + b, 0);
  }
}
