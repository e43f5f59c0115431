export { API_KEY_PREFIX, apiKeyPrefix, generateApiKey, hashApiKey, isApiKeyFormat } from "./key";
export { type CreateApiKeyInput, createApiKeySchema, revokeApiKeySchema } from "./schemas";
export {
  type ApiKeyPrincipal,
  type ApiKeyRecord,
  type ApiKeyRow,
  type ApiKeyStatus,
  apiKeyLabel,
  apiKeyStatus,
  authenticateApiKey,
  createApiKey,
  listApiKeys,
  revokeApiKey,
} from "./service";
