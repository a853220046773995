package dev.herald.activities.push;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recipients' push devices: registered by the REST API, read and deactivated by the push
 * activity. A device belongs to a sender, its owner, as the recipient id it is registered for does. A
 * token is unique per owner: registering it for another of the owner's recipients moves the device
 * there. A deactivated token stays deactivated, for every owner; registering it again is refused.
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

  /** A token FCM declared dead under any owner is recorded as dead for this owner too, and refused. */
  @Transactional
  public Registration register(String owner, String recipientId, String token, DevicePlatform platform) {
    if (repository.isDeactivated(token)) {
      repository.insertIfAbsent(owner, recipientId, token, platform.name());
      repository.deactivate(token, repository.deadReason(token));
      return new Registration(load(owner, token), Outcome.DEACTIVATED);
    }
    if (repository.insertIfAbsent(owner, recipientId, token, platform.name()) == 1) {
      return new Registration(load(owner, token), Outcome.CREATED);
    }
    repository.reassign(owner, recipientId, token, platform.name());
    return new Registration(load(owner, token), Outcome.EXISTING);
  }

  /** Every device of the owner's recipient, active or not, oldest first. */
  public List<PushDevice> devicesOf(String owner, String recipientId) {
    return repository.findByRecipient(owner, recipientId);
  }

  /** The tokens a push goes to: the newest {@link #MAX_DEVICES_PER_PUSH} active ones, oldest first. */
  public List<String> activeTokens(String owner, String recipientId) {
    return repository.findActiveTokens(owner, recipientId, MAX_DEVICES_PER_PUSH);
  }

  public Optional<PushDevice> find(String owner, String token) {
    return repository.findByToken(owner, token);
  }

  /** True when the token is known and was deactivated (under any owner); unknown tokens are not. */
  public boolean isDeactivated(String token) {
    return repository.isDeactivated(token);
  }

  /** Never use the token again, whoever registered it; {@code reason} is the provider's code, e.g. fcm-UNREGISTERED. */
  @Transactional
  public boolean deactivate(String token, String reason) {
    return repository.deactivate(token, reason) > 0;
  }

  @Transactional
  public boolean unregister(String owner, String recipientId, String token) {
    return repository.delete(owner, recipientId, token) == 1;
  }

  private PushDevice load(String owner, String token) {
    return repository.findByToken(owner, token)
        .orElseThrow(() -> new IllegalStateException("device vanished while registering"));
  }
}
