package dev.herald.api.console.recipient;

import dev.herald.api.security.Caller;
import dev.herald.api.security.Owners;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * Whose recipients and groups a console page shows, by the API's rule ({@link Owners}): the caller's
 * own, or for an admin the sender it names in the {@code owner} field. {@code owner} is what links
 * and forms carry on (null for the caller's own), {@code whose} the sender worked on.
 */
public record OwnerChoice(String owner, String whose) {

  public static OwnerChoice of(Caller caller, String asked) {
    String named = asked == null || asked.isBlank() ? null : asked.strip();
    String whose = Owners.of(caller, named);
    return new OwnerChoice(whose.equals(caller.sender()) ? null : whose, whose);
  }

  /** {@code path} with the query parameters given as name, value, ... (null values left out) and the owner. */
  public String url(String path, String... parameters) {
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    for (int i = 0; i + 1 < parameters.length; i += 2) {
      add(query, parameters[i], parameters[i + 1]);
    }
    add(query, Owners.PARAMETER, owner);
    return path + query;
  }

  private static void add(StringJoiner query, String name, String value) {
    if (value != null) {
      query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }
}
