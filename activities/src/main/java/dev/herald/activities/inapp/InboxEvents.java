package dev.herald.activities.inapp;

/**
 * The PostgreSQL channel on which a new inbox item is announced ({@code NOTIFY herald_inbox,
 * '<recipient id>'}), at the commit of its insert. Processes serving inbox streams {@code LISTEN}
 * on it, so an API process learns of items a worker process delivered.
 */
public final class InboxEvents {

  public static final String CHANNEL = "herald_inbox";

  private InboxEvents() {}
}
