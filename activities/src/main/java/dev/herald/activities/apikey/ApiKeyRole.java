package dev.herald.activities.apikey;

/** What a key may do: a sender sends and manages its own; an admin does everything, across senders. */
public enum ApiKeyRole {
  SENDER,
  ADMIN
}
