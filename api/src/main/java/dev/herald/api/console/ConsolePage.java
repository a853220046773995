package dev.herald.api.console;

import dev.herald.api.security.Caller;
import dev.herald.api.security.Role;

/**
 * A page of the console's navigation, declared as a bean beside its controller: its path, label,
 * place in the menu and the role it needs ({@link Role#SENDER} for senders and admins, {@link
 * Role#ADMIN} for admins only). The console's security rules and its menu both come from these.
 */
public record ConsolePage(String path, String label, int order, Role role) {

  public ConsolePage {
    if (!path.startsWith("/console/")) {
      throw new IllegalArgumentException("a console page lives under /console/: " + path);
    }
    if (role == Role.RECIPIENT) {
      throw new IllegalArgumentException("recipients do not sign in to the console: " + path);
    }
  }

  public boolean adminOnly() {
    return role == Role.ADMIN;
  }

  public boolean visibleTo(Caller caller) {
    return caller != null && (!adminOnly() || caller.isAdmin());
  }

  /** Whether a request path is this page or below it. */
  public boolean contains(String requestPath) {
    return requestPath.equals(path) || requestPath.startsWith(path + "/");
  }
}
