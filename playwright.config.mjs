// Playwright drives Debian's Chromium (/usr/bin/chromium): never `npx playwright install`.
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 8090);

export default defineConfig({
  testDir: "e2e",
  testMatch: "*.spec.mjs",
  timeout: 60_000,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    locale: "zh-CN",
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: `node e2e/serve.mjs ${process.env.E2E_DIST ?? "dist"} ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
