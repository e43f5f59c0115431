// Console > API keys: platform API keys for the REST API, each acting with one platform role.
// Super admins create them (the key is shown once) and revoke them.
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { listApiKeys } from "@/lib/api-keys/service";
import { requirePlatformRole } from "@/lib/auth/guards";
import { ApiKeysTable } from "./api-keys-table";
import { NewApiKeyDialog } from "./new-api-key-dialog";
import { toApiKeyView } from "./view";

export const metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  await requirePlatformRole("api_keys.manage");
  const now = new Date();
  const keys = (await listApiKeys(await getDb())).map((row) => toApiKeyView(row, now));
  return (
    <div className="space-y-6">
      <PageHeader
        title="API keys"
        description={
          <>
            Keys for the platform REST API (
            <Link href="/api/platform/openapi.json" className="text-brand-600 hover:underline">
              OpenAPI document
            </Link>
            ). Send one as <code className="font-mono text-xs">Authorization: Bearer hk_…</code>; it acts with
            the role you give it. Keys are stored hashed: a key is shown once, when it is created.
          </>
        }
        actions={<NewApiKeyDialog />}
      />
      <ApiKeysTable keys={keys} />
    </div>
  );
}
