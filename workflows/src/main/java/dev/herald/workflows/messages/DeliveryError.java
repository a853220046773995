package dev.herald.workflows.messages;

/** Details carried by a failed delivery attempt: our error type, the provider's own code, the attempt. */
public record DeliveryError(DeliveryErrorType type, String providerCode, String message, int attempt) {}
