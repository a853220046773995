package dev.herald.api.console;

import dev.herald.api.security.Caller;
import java.util.List;

/**
 * What the layout shows around every page: the signed-in caller, the menu it may use, the current
 * path (to mark its page) and the Temporal UI's address when one is configured.
 */
public record ConsoleFrame(Caller caller, List<ConsolePage> nav, String path, String temporalUiUrl) {

  public boolean isCurrent(ConsolePage page) {
    return page.contains(path);
  }

  public boolean signedIn() {
    return caller != null;
  }
}
