// Starts Hearth: `tsx scripts/start.ts` runs `next start` (after `next build`); `--dev` runs `next dev`.
// In embedded mode it creates the data folder and a persistent AUTH_SECRET there, so a fresh clone
// needs no configuration. Migrations and seeding run inside the server (instrumentation.ts).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "../lib/env";

const dev = process.argv.includes("--dev");
const env = parseEnv(process.env);
const childEnv: NodeJS.ProcessEnv = {
  ...process.env,
  AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true",
};

if (!env.AUTH_SECRET) {
  if (env.NODE_ENV === "production" && env.DATABASE_URL)
    throw new Error("AUTH_SECRET is required in production");
  mkdirSync(env.HEARTH_DATA_DIR, { recursive: true });
  const file = path.join(env.HEARTH_DATA_DIR, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
  childEnv.AUTH_SECRET = readFileSync(file, "utf8").trim();
}

const port = process.env.PORT ?? env.ROOT_DOMAIN.split(":")[1] ?? "3000";
const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
const child = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-p", port], {
  stdio: "inherit",
  env: childEnv,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
