// Second servers for the end-to-end tests and the measurement scripts: e2e/serve.mjs started on a
// free port of 127.0.0.1, beside Playwright's own (playwright.config.mjs `webServer`). Used where a
// test needs another folder (a deployed copy, a sub-path build), to stop the server mid-test (a
// network that goes away), or a way of serving (SERVE_PRECOMPRESSED, SERVE_SLOW).
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const SERVE = join(dirname(fileURLToPath(import.meta.url)), "serve.mjs");

/** A port nothing listens on now. */
export async function freePort() {
  const s = createServer();
  await new Promise((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

/**
 * Starts e2e/serve.mjs on `dir` (on `port`, else a free one; below `prefix`, if given; with `env`
 * added to this process's, e.g. `{ SERVE_PRECOMPRESSED: "1" }`). Resolves once it listens, to its
 * origin and stop().
 */
export async function serve(dir, { port, prefix, env } = {}) {
  port ??= await freePort();
  const child = spawn(process.execPath, [SERVE, dir, String(port), ...(prefix ? [prefix] : [])], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ...env },
  });
  await new Promise((resolve, reject) => {
    child.stdout.once("data", resolve);
    child.once("exit", (code) => reject(new Error(`serve.mjs exited with ${code}`)));
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r() : (child.once("exit", r), child.kill()))),
  };
}
