package dev.herald.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the SMTP sink received for one scenario's recipients: the raw count, the distinct Message-IDs
 * (Herald's delivery id: a retry of a mail sent but not yet recorded re-sends the same one) and the
 * distinct recipients.
 */
record SinkCount(String scenario, int raw, int distinctMessageIds, Set<String> recipients, Map<String, Long> perRecipient) {

  private static final Logger log = LoggerFactory.getLogger(SinkCount.class);

  static SinkCount of(String scenario, List<JsonNode> outbox, Collection<String> expected) {
    Set<String> wanted = new HashSet<>(expected);
    List<JsonNode> mails = outbox.stream()
        .filter(mail -> mail.get("to").size() == 1 && wanted.contains(mail.get("to").get(0).asText()))
        .toList();
    Set<String> messageIds = mails.stream().map(mail -> mail.get("headers").get("Message-ID").asText()).collect(Collectors.toSet());
    Map<String, Long> perRecipient = mails.stream()
        .collect(Collectors.groupingBy(mail -> mail.get("to").get(0).asText(), Collectors.counting()));
    SinkCount count = new SinkCount(scenario, mails.size(), messageIds.size(), perRecipient.keySet(), perRecipient);
    log.info("{}: {} recipients, sink received {} mails, {} distinct Message-IDs, {} distinct recipients",
        scenario, wanted.size(), count.raw(), count.distinctMessageIds(), count.recipients().size());
    return count;
  }

  /** No recipient missing, none extra, one Message-ID per recipient, and not a single mail sent again. */
  void assertExactlyOnce(Collection<String> expected) {
    assertExactlyOnce(expected, 0);
  }

  /**
   * No recipient missing, none extra, one Message-ID per recipient; at most {@code resendsAllowed} mails
   * sent again with an id already received (sent, not yet recorded when a worker died, retried).
   */
  void assertExactlyOnce(Collection<String> expected, int resendsAllowed) {
    assertThat(recipients()).as("%s: recipients that got a mail", scenario).containsExactlyInAnyOrderElementsOf(new HashSet<>(expected));
    assertThat(distinctMessageIds()).as("%s: distinct Message-IDs (deliveries)", scenario).isEqualTo(expected.size());
    assertThat(raw() - distinctMessageIds()).as("%s: mails sent again", scenario).isLessThanOrEqualTo(resendsAllowed);
    if (raw() != distinctMessageIds()) {
      log.warn("{}: {} re-sent mail(s) with an already received Message-ID (sent, not yet recorded, retried): {}",
          scenario, raw() - distinctMessageIds(), perRecipient().entrySet().stream().filter(e -> e.getValue() > 1)
              .map(Map.Entry::getKey).limit(10).collect(Collectors.joining(", ")));
    }
  }

}
