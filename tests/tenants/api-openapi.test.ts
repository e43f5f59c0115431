import { expect, test, vi } from "vitest";
import { z } from "zod";
import * as openapiRoute from "@/app/api/platform/openapi.json/route";
import * as activateRoute from "@/app/api/platform/tenants/[id]/activate/route";
import * as tenantRoute from "@/app/api/platform/tenants/[id]/route";
import * as suspendRoute from "@/app/api/platform/tenants/[id]/suspend/route";
import * as tenantsRoute from "@/app/api/platform/tenants/route";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { tenantListSchema, tenantResourceSchema } from "@/lib/tenants/resource";
import {
  createTenantSchema,
  suspendTenantSchema,
  tenantTransitionSchema,
  updateTenantSchema,
} from "@/lib/tenants/schemas";

// The route modules are imported for their exports only; keep next-auth and the job runner out.
vi.mock("@/lib/auth/guards", () => ({ resolveSession: async () => null }));
vi.mock("@/lib/jobs/send-event", () => ({ sendEvent: async () => ({ ids: [] }) }));

type Operation = {
  operationId: string;
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content: Record<string, { schema: { $ref: string } }> };
  responses: Record<string, unknown>;
  security?: unknown;
};
type Document = {
  openapi: string;
  servers?: Array<{ url: string }>;
  paths: Record<string, Record<string, Operation | unknown>>;
  components: {
    schemas: Record<string, unknown>;
    securitySchemes: Record<string, { type: string; scheme?: string; in?: string }>;
  };
};

const httpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** The route files, by the path the document must describe. */
const routeModules: Record<string, Record<string, unknown>> = {
  "/api/platform/tenants": tenantsRoute,
  "/api/platform/tenants/{id}": tenantRoute,
  "/api/platform/tenants/{id}/suspend": suspendRoute,
  "/api/platform/tenants/{id}/activate": activateRoute,
};

async function fetchDocument(): Promise<Document> {
  const res = openapiRoute.GET(new Request("http://localhost:3000/api/platform/openapi.json"));
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/application\/json/);
  return JSON.parse(await res.text()) as Document;
}

const withoutDialect = (schema: z.ZodType, io: "input" | "output") => {
  const { $schema: _d, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" });
  return rest;
};

test("the document is served as valid OpenAPI 3.1 JSON with the caller's origin", async () => {
  const doc = await fetchDocument();
  expect(doc.openapi).toBe("3.1.0");
  expect(doc.servers).toEqual([{ url: "http://localhost:3000" }]);
  expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
  expect(doc.components.securitySchemes.session).toMatchObject({ type: "apiKey", in: "cookie" });
});

test("every route file's methods are in the document, and the document lists nothing else", async () => {
  const doc = await fetchDocument();
  expect(Object.keys(doc.paths).sort()).toEqual(Object.keys(routeModules).sort());
  for (const [path, mod] of Object.entries(routeModules)) {
    const exported = httpMethods.filter((m) => typeof mod[m] === "function").map((m) => m.toLowerCase());
    const documented = Object.keys(doc.paths[path] ?? {}).filter((k) => k !== "parameters");
    expect({ path, methods: documented.sort() }).toEqual({ path, methods: exported.sort() });
  }
});

test("every operation documents its errors with the error schema, and every $ref resolves", async () => {
  const doc = await fetchDocument();
  const text = JSON.stringify(doc);
  for (const [, name] of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
    expect(doc.components.schemas).toHaveProperty(name as string);
  }
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (method === "parameters") continue;
      const operation = op as Operation;
      expect(operation.operationId, `${method} ${path}`).toBeTruthy();
      expect(Object.keys(operation.responses), `${method} ${path}`).toEqual(
        expect.arrayContaining(["401", "403"]),
      );
      if (method !== "get")
        expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(["400", "415"]));
    }
  }
  expect(doc.components.schemas.Error).toMatchObject({
    properties: { error: { required: ["code", "message"] } },
  });
});

test("the create operation takes the Idempotency-Key header and answers 201, 409 and 422", async () => {
  const create = (await fetchDocument()).paths["/api/platform/tenants"]?.post as Operation;
  expect(create.parameters).toEqual([expect.objectContaining({ name: "Idempotency-Key", in: "header" })]);
  expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(["201", "409", "422"]));
  expect(create.requestBody?.content["application/json"]?.schema).toEqual({
    $ref: "#/components/schemas/CreateTenant",
  });
});

test("request and response schemas are exactly the zod schemas the routes use", async () => {
  const { schemas } = (await fetchDocument()).components;
  expect(schemas.CreateTenant).toEqual(withoutDialect(createTenantSchema, "input"));
  expect(schemas.UpdateTenant).toEqual(withoutDialect(updateTenantSchema, "input"));
  expect(schemas.SuspendTenant).toEqual(withoutDialect(suspendTenantSchema, "input"));
  expect(schemas.TenantTransition).toEqual(withoutDialect(tenantTransitionSchema, "input"));
  expect(schemas.Tenant).toEqual(withoutDialect(tenantResourceSchema, "output"));
  expect(schemas.TenantList).toEqual(withoutDialect(tenantListSchema, "output"));
  // Spot checks that the generated schemas say what the validation does.
  expect(schemas.CreateTenant).toMatchObject({
    required: expect.arrayContaining([
      "name",
      "slug",
      "contactEmail",
      "country",
      "currency",
      "timezone",
      "locale",
      "owner",
    ]),
    properties: { slug: { minLength: 3, maxLength: 40 } },
  });
  expect(schemas.SuspendTenant).toMatchObject({
    required: ["reason"],
    properties: { reason: { minLength: 3 } },
  });
});

test("the list operation documents every query parameter the route reads", async () => {
  const list = (await fetchDocument()).paths["/api/platform/tenants"]?.get as Operation;
  expect(list.parameters?.map((p) => `${p.in}:${p.name}`).sort()).toEqual(
    ["query:cursor", "query:limit", "query:plan", "query:q", "query:status"].sort(),
  );
});

test("building the document is deterministic", () => {
  expect(JSON.stringify(buildOpenApiDocument())).toBe(JSON.stringify(buildOpenApiDocument()));
});
