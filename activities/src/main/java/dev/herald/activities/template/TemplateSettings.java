package dev.herald.activities.template;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How a version's notifications are treated beyond their text: {@code category} (e.g. marketing,
 * security) scopes recipients' opt-outs and frequency caps, null for none. {@code preferencesLink} true:
 * its in-app items and pushes carry the recipient's preference link ({@code preferencesUrl}), as every
 * email does in its List-Unsubscribe header. {@code highPriorityPassesQuietHours} true: a HIGH priority
 * send goes out in a recipient's quiet hours. {@code digest}: its notifications are collected per
 * recipient and sent as one message per window ({@link TemplateDigest}); null: each is sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TemplateSettings(String category, Boolean preferencesLink, Boolean highPriorityPassesQuietHours,
    TemplateDigest digest) {

  public static final TemplateSettings NONE = new TemplateSettings(null, null, null, null);

  public TemplateSettings(String category) {
    this(category, null, null, null);
  }

  public TemplateSettings(String category, Boolean preferencesLink, Boolean highPriorityPassesQuietHours) {
    this(category, preferencesLink, highPriorityPassesQuietHours, null);
  }

  public boolean linksPreferences() {
    return Boolean.TRUE.equals(preferencesLink);
  }

  public boolean passesQuietHoursWhenHigh() {
    return Boolean.TRUE.equals(highPriorityPassesQuietHours);
  }

  /** Jackson's filter for no settings: left out of the stored JSON, as versions written before them have none. */
  public static final class LeftOut {

    @Override
    public boolean equals(Object value) {
      return value == null || NONE.equals(value);
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }
}
