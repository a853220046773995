package dev.herald.api.ingest;

import dev.herald.activities.startup.StartupFailure;
import dev.herald.api.notification.SendNotificationRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The request topics and, for each, the senders its events may speak for ({@code herald.kafka.topic-senders}).
 * The requests topic must have its rule, and every other topic with a rule is consumed too, so each
 * producing service can have a topic of its own (its writers fenced by Kafka's ACLs) that speaks
 * for its sender only. A missing or malformed rule stops the start, named.
 */
@Component
class TopicSenders {

  static final String PROPERTY = "herald.kafka.topic-senders";
  private static final String VARIABLE_PREFIX = "HERALD_KAFKA_TOPICSENDERS_";
  /** Topics an environment variable can name: Boot reads its name in lower case, with dots for underscores. */
  private static final Pattern VARIABLE_TOPIC = Pattern.compile("[a-z0-9]+(\\.[a-z0-9]+)*");

  private final Map<String, SenderRule> rules = new LinkedHashMap<>();

  TopicSenders(IngestProperties properties) {
    String requests = properties.requestsTopic();
    if (!properties.topicSenders().containsKey(requests)) {
      throw new StartupFailure("Kafka request events on the topic " + requests + " may speak for no sender: "
          + setting(requests) + " is not set.",
          "Set it to the senders (of API keys) its events may send as, comma-separated, e.g. shop,billing; with one, "
              + "events need not name it. " + SenderRule.ANY + " allows any sender: only for a topic no untrusted "
              + "producer can write to (the dev kit's). See docs/operations.md#kafka-request-topics.");
    }
    rules.put(requests, parse(requests, properties.topicSenders().get(requests)));
    properties.topicSenders().forEach((topic, senders) -> rules.putIfAbsent(topic, parse(topic, senders)));
  }

  /** Every topic the listener consumes: the requests topic first. */
  String[] topics() {
    return rules.keySet().toArray(String[]::new);
  }

  SenderRule ruleOf(String topic) {
    SenderRule rule = rules.get(topic);
    if (rule == null) {
      throw new IllegalStateException("no sender rule for the topic " + topic + ", which the listener does not consume");
    }
    return rule;
  }

  /** The request as its topic's: with the sender it speaks for, or an {@link InvalidEventException} naming the rule. */
  /** Whether the topic may speak for any sender (it is then trusted as an admin key is). */
  boolean anySender(String topic) {
    return ruleOf(topic).senders().isEmpty();
  }

  SendNotificationRequest speakingFor(String topic, SendNotificationRequest request) {
    return request.withSender(ruleOf(topic).senderOf(request.sender()));
  }

  private static SenderRule parse(String topic, String senders) {
    if (topic.isBlank()) {
      throw new StartupFailure(PROPERTY + " names a blank topic.", "Name each topic in the setting's key.");
    }
    try {
      return SenderRule.parse(topic, senders);
    } catch (IllegalArgumentException e) {
      throw new StartupFailure(setting(topic) + " " + e.getMessage() + ".",
          "Set it to the senders (of API keys) events on " + topic + " may send as, comma-separated, or "
              + SenderRule.ANY + " for any.");
    }
  }

  /** The property, with the environment variable that sets it when one can. */
  static String setting(String topic) {
    String property = PROPERTY + "." + topic;
    if (VARIABLE_TOPIC.matcher(topic).matches()) {
      return property + " (" + VARIABLE_PREFIX + topic.toUpperCase(Locale.ROOT).replace('.', '_') + ")";
    }
    return property + " (in YAML, the topic in brackets: \"[" + topic + "]\")";
  }
}
