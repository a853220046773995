package dev.herald.api.notification;

/** What is wrong with one field of a request; {@code field} is its JSON path, e.g. {@code recipients[1].email}. */
public record FieldViolation(String field, String message) {}
