package dev.herald.activities.push;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recipients' push devices: registered by the REST API, read and deactivated by the push
 * activity. A token is unique: registering it for another recipient moves the device there. A
 * deactivated token stays deactivated; registering it again is refused.
 */
@Component
public class PushDevices {

  /** What a registration did. */
  public enum Outcome {
    CREATED,
    /** Known already (perhaps for another recipient or platform, now updated): still one device. */
    EXISTING,
    /** FCM declared the token dead; it is not used again. */
    DEACTIVATED
  }

  public record Registration(PushDevice device, Outcome outcome) {}

  /** A bound on one push's fan-out (FCM's sendEach takes 500); people have a handful of devices. */
  public static final int MAX_DEVICES_PER_PUSH = 100;

  /** An FCM registration token, as a device registers it and a request may name it. */
  public static final int MAX_TOKEN_CHARS = 4096;

  private final PushDeviceRepository repository;

  public PushDevices(PushDeviceRepository repository) {
    this.repository = repository;
  }

  @Transactional
  public Registration register(String recipientId, String token, DevicePlatform platform) {
    if (repository.insertIfAbsent(recipientId, token, platform.name()) == 1) {
      return new Registration(load(token), Outcome.CREATED);
    }
    PushDevice existing = load(token);
    if (!existing.active()) {
      return new Registration(existing, Outcome.DEACTIVATED);
    }
    repository.reassign(recipientId, token, platform.name());
    return new Registration(load(token), Outcome.EXISTING);
  }

  /** Every device of the recipient, active or not, oldest first. */
  public List<PushDevice> devicesOf(String recipientId) {
    return repository.findByRecipient(recipientId);
  }

  /** The tokens a push goes to: the newest {@link #MAX_DEVICES_PER_PUSH} active ones, oldest first. */
  public List<String> activeTokens(String recipientId) {
    return repository.findActiveTokens(recipientId, MAX_DEVICES_PER_PUSH);
  }

  public Optional<PushDevice> find(String token) {
    return repository.findByToken(token);
  }

  /** True when the token is known and was deactivated; unknown tokens are not. */
  public boolean isDeactivated(String token) {
    return repository.findByToken(token).map(device -> !device.active()).orElse(false);
  }

  /** Never use the token again; {@code reason} is the provider's code, e.g. fcm-UNREGISTERED. */
  @Transactional
  public boolean deactivate(String token, String reason) {
    return repository.deactivate(token, reason) == 1;
  }

  @Transactional
  public boolean unregister(String recipientId, String token) {
    return repository.delete(recipientId, token) == 1;
  }

  private PushDevice load(String token) {
    return repository.findByToken(token).orElseThrow(() -> new IllegalStateException("device vanished while registering"));
  }
}
