package dev.herald.api.console.notification;

import dev.herald.activities.delivery.HistoryFilter;
import dev.herald.activities.text.TextRules;
import dev.herald.api.console.LocalTimeRange;
import dev.herald.api.notification.FieldViolation;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.Priority;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.util.UriUtils;

/**
 * The history filters as the list page's GET form sends them, kept as typed so the form shows them
 * again. {@code since} and {@code until} are read by {@link LocalTimeRange}, in the viewer's {@code zone}.
 */
record HistoryForm(String status, String channel, String priority, String sender, String template, String recipient,
    String since, String until, String zone) {

  static final List<String> FIELDS = List.of("status", "channel", "priority", "sender", "template", "recipient",
      "since", "until");
  static final int MAX_TEXT_CHARS = 1000;

  /** The filter these values say; {@link InvalidRequestException} naming each field that is wrong. */
  HistoryFilter filter() {
    List<FieldViolation> violations = new ArrayList<>();
    NotificationStatus status = choice("status", this.status, NotificationStatus.class, violations);
    Channel channel = choice("channel", this.channel, Channel.class, violations);
    Priority priority = choice("priority", this.priority, Priority.class, violations);
    line("sender", sender, violations);
    line("template", template, violations);
    line("recipient", recipient, violations);
    LocalTimeRange created = LocalTimeRange.read(since, until, zone, violations);
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return new HistoryFilter(status, channel, priority, sender, template, recipient, created.since(), created.until());
  }

  /** The query string of the filters given (for the pager's links), empty when none is. */
  String query() {
    Map<String, String> given = new LinkedHashMap<>();
    given.put("status", status);
    given.put("channel", channel);
    given.put("priority", priority);
    given.put("sender", sender);
    given.put("template", template);
    given.put("recipient", recipient);
    given.put("since", since);
    given.put("until", until);
    given.put("zone", zone);
    return given.entrySet().stream().filter(e -> !blank(e.getValue()))
        .map(e -> e.getKey() + "=" + UriUtils.encodeQueryParam(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static <E extends Enum<E>> E choice(String field, String value, Class<E> type, List<FieldViolation> violations) {
    if (blank(value)) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      violations.add(new FieldViolation(field, "must be one of " + Arrays.stream(type.getEnumConstants())
          .map(Enum::name).collect(Collectors.joining(", "))));
      return null;
    }
  }

  private static void line(String field, String value, List<FieldViolation> violations) {
    TextRules.line(value, MAX_TEXT_CHARS).ifPresent(problem -> violations.add(new FieldViolation(field, problem)));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
