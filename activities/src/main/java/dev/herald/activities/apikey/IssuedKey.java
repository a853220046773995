package dev.herald.activities.apikey;

/** A key just created: the only time its secret is known. */
public record IssuedKey(ApiKey key, String secret) {}
