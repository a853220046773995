package dev.herald.activities.channel;

/** What a provider answered to an accepted message, and on which attempt. */
public record ProviderReceipt(String providerMessageId, int attempt) {}
