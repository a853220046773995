package dev.herald.activities.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.activities.channel.ChannelAdapter;
import dev.herald.activities.channel.LinkedMedia;
import dev.herald.activities.channel.OutgoingMessage;
import dev.herald.activities.channel.ProviderReceipt;
import dev.herald.activities.channel.ProviderSendException;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.DeliveryErrorType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The push channel: one FCM call per device of the recipient (its active registered
 * tokens, plus the token the request named), all at once. Sent when at least one device accepted
 * (the others are not retried: a retry would push twice to those that accepted); a token FCM
 * declares dead is deactivated on the spot and skipped by every later attempt. With nothing
 * accepted the most actionable error wins: a transient one (retried after the provider's
 * Retry-After), else a rejection, else NO_ACTIVE_DEVICE. See {@link FcmErrors} for the table. The
 * notification's attachments go as download links in the data ({@value #ATTACHMENTS}), its image as the alert's image.
 */
@Component
@ConditionalOnExpression(FcmProperties.AVAILABLE)
public class PushChannel implements ChannelAdapter {

  private static final Logger log = LoggerFactory.getLogger(PushChannel.class);
  static final String NOTIFICATION_ID = "notificationId";
  /** The data key of the recipient's preference link. */
  public static final String PREFERENCES_URL = "preferencesUrl";
  /** The data key of the attachments' links: a JSON list of {@code {name, type, url}}. */
  public static final String ATTACHMENTS = "attachments";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PushSender sender;
  private final PushDevices devices;

  public PushChannel(PushSender sender, PushDevices devices) {
    this.sender = sender;
    this.devices = devices;
  }

  @Override
  public Channel channel() {
    return Channel.PUSH;
  }

  @Override
  public String provider() {
    return "fcm";
  }

  @Override
  public LinkedMedia linkedMedia() {
    return LinkedMedia.ATTACHMENTS_AND_IMAGE;
  }

  @Override
  public ProviderReceipt send(OutgoingMessage message, int attempt) {
    var recipient = message.recipient();
    return sendPush(new PushMessage(message.deliveryId(), message.notificationId(), message.sender(),
        recipient == null ? null : recipient.id(), recipient == null ? null : recipient.pushToken(),
        message.content().subject(), message.content().body(), data(message), message.priority(), message.imageUrl()),
        attempt);
  }

  /**
   * The data keys every push carries: its notification id; the preference link when the template asks for it; the
   * attachments' links when it has any.
   */
  static Map<String, String> data(OutgoingMessage message) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put(NOTIFICATION_ID, message.notificationId());
    if (message.preferencesUrl() != null) {
      data.put(PREFERENCES_URL, message.preferencesUrl());
    }
    if (!message.attachmentLinks().isEmpty()) {
      try {
        data.put(ATTACHMENTS, JSON.writeValueAsString(message.attachmentLinks()));
      } catch (JsonProcessingException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
    return data;
  }

  ProviderReceipt sendPush(PushMessage message, int attempt) {
    Set<String> tokens = targets(message);
    if (tokens.isEmpty()) {
      throw new ProviderSendException(DeliveryErrorType.NO_ACTIVE_DEVICE, null,
          "no active push device for recipient " + message.recipientId(), null).toActivityFailure(attempt);
    }
    List<String> accepted = new ArrayList<>();
    List<PushSendException> failures = new ArrayList<>();
    for (PushResult result : sender.send(List.copyOf(tokens), message)) {
      if (result.isAccepted()) {
        accepted.add(result.messageId());
      } else {
        failures.add(result.failure());
        if (result.failure().tokenDead()) {
          deactivate(result.token(), message, result.failure().providerCode());
        }
      }
    }
    if (!accepted.isEmpty()) {
      if (!failures.isEmpty()) {
        log.warn("push delivery {} reached {} of {} devices", message.deliveryId(), accepted.size(), tokens.size());
      }
      return new ProviderReceipt(String.join(",", accepted), attempt);
    }
    PushSendException worst = failures.stream().min(Comparator.comparingInt(PushChannel::rank)).orElseThrow();
    log.warn("push delivery {} attempt {} failed on {} devices: {} {}", message.deliveryId(), attempt, tokens.size(),
        worst.type(), worst.providerCode());
    throw worst.toActivityFailure(attempt);
  }

  /** Best effort: a token left active fails the same way next time and is deactivated then. */
  private void deactivate(String token, PushMessage message, String reason) {
    try {
      if (devices.deactivate(token, reason)) {
        log.info("push token {} of {} deactivated: {}", hint(token), message.recipientId(), reason);
      }
    } catch (RuntimeException e) {
      log.warn("push token {} not deactivated ({}): {}", hint(token), reason, e.toString());
    }
  }

  /** Registered active tokens, then the request's own token unless it is known to be dead. */
  private Set<String> targets(PushMessage message) {
    Set<String> tokens = new LinkedHashSet<>();
    if (message.recipientId() != null) {
      tokens.addAll(devices.activeTokens(message.owner(), message.recipientId()));
    }
    if (message.token() != null && !message.token().isBlank() && !devices.isDeactivated(message.token())) {
      tokens.add(message.token());
    }
    return tokens;
  }

  /** Retry beats reject beats dead device: a retry may still reach a device; longest Retry-After first. */
  private static int rank(PushSendException e) {
    if (e.type().retryable()) {
      long waitSeconds = e.retryAfter().map(Duration::toSeconds).orElse(0L);
      return (int) -Math.min(waitSeconds, Integer.MAX_VALUE / 2) - 1;
    }
    return e.tokenDead() ? 2 : 1;
  }

  /** Enough of a token to tell devices apart in logs, not enough to push to it. */
  static String hint(String token) {
    return token.length() <= 12 ? "…" : token.substring(0, 8) + "…";
  }
}
