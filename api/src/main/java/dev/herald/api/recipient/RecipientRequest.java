package dev.herald.api.recipient;

import java.util.Map;

/**
 * The body of {@code PUT /api/v1/recipients/{id}}: the whole recipient (absent fields are cleared).
 * {@code id} may be left out; when given it must be the one in the path.
 */
public record RecipientRequest(
    String id,
    String name,
    String locale,
    String timeZone,
    String email,
    String phone,
    String slack,
    Map<String, Object> attributes) {}
