package dev.herald.api.security;

/**
 * Who a caller is: a sender (an API key) sends and manages its own; an admin (an API key) does
 * everything, across senders; a recipient (a short-lived token) reads its own inbox and devices.
 */
public enum Role {
  SENDER,
  ADMIN,
  RECIPIENT;

  /** Spring Security's name for the role. */
  String authority() {
    return "ROLE_" + name();
  }
}
