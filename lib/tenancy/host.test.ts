import { describe, expect, test } from "vitest";
import { resolveHost } from "./host";

describe("resolveHost", () => {
  test.each([
    ["localhost:3000", "localhost:3000", { kind: "root" }],
    ["www.localhost:3000", "localhost:3000", { kind: "root" }],
    ["127.0.0.1:3000", "localhost:3000", { kind: "root" }],
    ["grandview.localhost:3000", "localhost:3000", { kind: "tenant", slug: "grandview" }],
    ["GrandView.localhost:3100", "localhost:3000", { kind: "tenant", slug: "grandview" }],
    ["grandview.hearth.app", "hearth.app", { kind: "tenant", slug: "grandview" }],
    ["a.b.hearth.app", "hearth.app", { kind: "foreign" }],
    ["-bad.hearth.app", "hearth.app", { kind: "foreign" }],
    ["evil.com", "hearth.app", { kind: "foreign" }],
    ["hearth.app.evil.com", "hearth.app", { kind: "foreign" }],
    [null, "hearth.app", { kind: "root" }],
  ])("%s under %s", (host, root, expected) => {
    expect(resolveHost(host, root)).toEqual(expected);
  });
});
