package dev.herald.api.recipient;

/** No recipient has this id. */
class RecipientNotFoundException extends RuntimeException {
  RecipientNotFoundException(String id) {
    super("no recipient has the id '" + id + "'");
  }
}
