package dev.herald.api.apikey;

import dev.herald.activities.apikey.ApiKeyRole;

/** The body of {@code POST /api/v1/api-keys}: a name, the role, and the sender identity (the name by default). */
record CreateApiKeyRequest(String name, ApiKeyRole role, String sender) {}
