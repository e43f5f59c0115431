import { z } from "zod";
import { sessionCookieName } from "@/lib/auth/config";
import { tenantListQuerySchema, tenantListSchema, tenantResourceSchema } from "@/lib/tenants/resource";
import {
  createTenantSchema,
  suspendTenantSchema,
  tenantTransitionSchema,
  updateTenantSchema,
} from "@/lib/tenants/schemas";
import { IDEMPOTENCY_HEADER, REPLAYED_HEADER } from "./idempotency";

// The OpenAPI 3.1 description of the platform REST API, generated from the same zod schemas the
// routes validate with (OpenAPI 3.1 schemas are JSON Schema 2020-12, which z.toJSONSchema emits).
// Adding a route means adding it here; tests/tenants/api-openapi.test.ts checks the two agree.

type JsonSchema = Record<string, unknown>;

/** A zod schema as an OpenAPI component: requests are described by what they accept (input). */
export function toOpenApiSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" });
  return rest;
}

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().meta({ description: "Machine-readable, e.g. INVALID, NOT_FOUND, CONFLICT" }),
    message: z.string().meta({ description: "A sentence a person can read" }),
    field: z
      .string()
      .optional()
      .meta({ description: "The input field the error is about, when there is one" }),
  }),
});

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema) => ({ "application/json": { schema } });
const errorResponse = (description: string) => ({ description, content: json(ref("Error")) });
const tenantResponse = (description: string) => ({ description, content: json(ref("Tenant")) });

const errors = {
  400: errorResponse("The input is invalid; `error.field` names the field."),
  401: errorResponse("No valid credentials: sign in, or send a live API key."),
  403: errorResponse("The caller's role lacks the permission this endpoint needs."),
  404: errorResponse("No tenant with this id."),
  409: errorResponse("The change conflicts with the tenant's state (illegal status transition, slug taken)."),
  415: errorResponse("The body was not sent as application/json."),
  422: errorResponse("The Idempotency-Key was already used with a different body."),
};
const pick = <K extends keyof typeof errors>(...codes: K[]) =>
  Object.fromEntries(codes.map((c) => [String(c), errors[c]]));

const tenantIdParameter = {
  name: "id",
  in: "path",
  required: true,
  description: "The tenant's id",
  schema: { type: "string", format: "uuid" },
};

function listParameters() {
  return Object.entries(tenantListQuerySchema.shape).map(([name, schema]) => ({
    name,
    in: "query",
    required: false,
    schema: toOpenApiSchema(schema, "input"),
    description: {
      status: "Only tenants in this status. Deleted tenants are listed only when asked for.",
      plan: "Only tenants on the plan with this code.",
      q: "Search in name, slug and contact email.",
      limit: "Page size.",
      cursor: "The `nextCursor` of the previous page.",
    }[name],
  }));
}

const reasonBody = (name: string, required: boolean) => ({
  required,
  content: json(ref(name)),
});

/** The whole document. `serverUrl` is the API's origin as the caller sees it. */
export function buildOpenApiDocument(opts: { serverUrl?: string } = {}) {
  const write = { security: [{ apiKey: [] }, { session: [] }] };
  return {
    openapi: "3.1.0",
    info: {
      title: "Hearth platform API",
      version: "1",
      description:
        "Manage hotels (tenants) on the Hearth platform. Authenticate with a platform API key " +
        "(`Authorization: Bearer hk_…`, created in the console under API keys) or a console session. " +
        "Reads need the tenants.read permission, writes tenants.write. Errors are " +
        "`{ error: { code, message, field? } }`.",
    },
    servers: opts.serverUrl ? [{ url: opts.serverUrl }] : undefined,
    security: [{ apiKey: [] }, { session: [] }],
    paths: {
      "/api/platform/tenants": {
        get: {
          operationId: "listTenants",
          summary: "List tenants, newest first",
          parameters: listParameters(),
          responses: {
            200: { description: "One page of tenants", content: json(ref("TenantList")) },
            ...pick(400, 401, 403),
          },
        },
        post: {
          operationId: "createTenant",
          summary: "Create a tenant with its owner, plan and trial",
          description:
            "The owner is an existing user with that email (their password is left as is) or a new one. " +
            "Without `planCode` the default plan is used. Send an Idempotency-Key to make retries safe: " +
            `the same key and body replay the first answer with \`${REPLAYED_HEADER}: true\`.`,
          ...write,
          parameters: [
            {
              name: IDEMPOTENCY_HEADER,
              in: "header",
              required: false,
              description: "Any unique string (a UUID) per logical create; kept 24 hours per caller.",
              schema: { type: "string", minLength: 1, maxLength: 255 },
            },
          ],
          requestBody: { required: true, content: json(ref("CreateTenant")) },
          responses: {
            201: {
              description: "Created",
              headers: {
                [REPLAYED_HEADER]: {
                  description:
                    "`true` when this is the stored answer of an earlier request with the same key",
                  schema: { type: "string", enum: ["true"] },
                },
              },
              content: json(ref("Tenant")),
            },
            200: tenantResponse("An earlier request with this Idempotency-Key already created the tenant"),
            ...pick(400, 401, 403, 409, 415, 422),
          },
        },
      },
      "/api/platform/tenants/{id}": {
        parameters: [tenantIdParameter],
        get: {
          operationId: "getTenant",
          summary: "Get a tenant (deleted ones too; see `status`)",
          responses: { 200: tenantResponse("The tenant"), ...pick(401, 403, 404) },
        },
        patch: {
          operationId: "updateTenant",
          summary: "Change a tenant's details and settings",
          description: "`settings` is merged key by key; a `null` value removes the key.",
          ...write,
          requestBody: { required: true, content: json(ref("UpdateTenant")) },
          responses: { 200: tenantResponse("The updated tenant"), ...pick(400, 401, 403, 404, 415) },
        },
        delete: {
          operationId: "deleteTenant",
          summary: "Soft-delete a tenant",
          description: "The tenant keeps its row and its slug; its portal answers 404. Deletion is final.",
          ...write,
          requestBody: reasonBody("TenantTransition", false),
          responses: { 200: tenantResponse("The deleted tenant"), ...pick(400, 401, 403, 404, 409, 415) },
        },
      },
      "/api/platform/tenants/{id}/suspend": {
        parameters: [tenantIdParameter],
        post: {
          operationId: "suspendTenant",
          summary: "Suspend a tenant",
          description: "Its members see a suspended page until it is activated again.",
          ...write,
          requestBody: reasonBody("SuspendTenant", true),
          responses: { 200: tenantResponse("The suspended tenant"), ...pick(400, 401, 403, 404, 409, 415) },
        },
      },
      "/api/platform/tenants/{id}/activate": {
        parameters: [tenantIdParameter],
        post: {
          operationId: "activateTenant",
          summary: "Activate a tenant (from trial, past due or suspended)",
          ...write,
          requestBody: reasonBody("TenantTransition", false),
          responses: { 200: tenantResponse("The active tenant"), ...pick(400, 401, 403, 404, 409, 415) },
        },
      },
    },
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "hk_ followed by 40 letters and digits",
          description: "A platform API key; it acts with the platform role it was created with.",
        },
        session: {
          type: "apiKey",
          in: "cookie",
          name: sessionCookieName(false),
          description: `The console's session cookie (\`${sessionCookieName(true)}\` over https).`,
        },
      },
      schemas: {
        CreateTenant: toOpenApiSchema(createTenantSchema, "input"),
        UpdateTenant: toOpenApiSchema(updateTenantSchema, "input"),
        SuspendTenant: toOpenApiSchema(suspendTenantSchema, "input"),
        TenantTransition: toOpenApiSchema(tenantTransitionSchema, "input"),
        Tenant: toOpenApiSchema(tenantResourceSchema, "output"),
        TenantList: toOpenApiSchema(tenantListSchema, "output"),
        Error: toOpenApiSchema(errorBodySchema, "output"),
      },
    },
  };
}
