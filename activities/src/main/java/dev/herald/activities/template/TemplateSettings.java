package dev.herald.activities.template;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How a version's notifications are treated beyond their text: {@code category} (e.g. marketing,
 * security) scopes recipients' opt-outs and frequency caps, null for none; with
 * {@code highPriorityPassesQuietHours} true a HIGH priority send goes out in a recipient's quiet hours.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TemplateSettings(String category, Boolean highPriorityPassesQuietHours) {

  public static final TemplateSettings NONE = new TemplateSettings(null, null);

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
