package dev.herald.activities.channel;

import dev.herald.activities.logging.LogFields;
import dev.herald.workflows.messages.Channel;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.temporal.failure.ApplicationFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An adapter whose every call to its provider is observed ({@link ChannelAdapters} hands out only these):
 * the {@value #NAME} span, a child of the activity's when tracing is on, tagged with the channel, the
 * provider and the outcome, and the delivery's ids in the log context of whatever the adapter logs. Ids
 * only: no address or content reaches a span, and a failure is recorded by its type, not its message
 * (a provider's words may quote the address).
 */
final class ObservedChannelAdapter implements ChannelAdapter {

  static final String NAME = "herald.provider.call";
  static final String CHANNEL = "channel";
  static final String PROVIDER = "provider";
  static final String OUTCOME = "outcome";

  private static final Logger log = LoggerFactory.getLogger(ObservedChannelAdapter.class);

  private final ChannelAdapter adapter;
  private final ObservationRegistry registry;

  ObservedChannelAdapter(ChannelAdapter adapter, ObservationRegistry registry) {
    this.adapter = adapter;
    this.registry = registry;
  }

  @Override
  public Channel channel() {
    return adapter.channel();
  }

  @Override
  public String provider() {
    return adapter.provider();
  }

  @Override
  public boolean alwaysLinksPreferences() {
    return adapter.alwaysLinksPreferences();
  }

  @Override
  public boolean attaches() {
    return adapter.attaches();
  }

  @Override
  public LinkedMedia linkedMedia() {
    return adapter.linkedMedia();
  }

  @Override
  public ProviderReceipt send(OutgoingMessage message, int attempt) {
    Observation call = Observation.createNotStarted(NAME, registry)
        .lowCardinalityKeyValue(CHANNEL, channel().name())
        .lowCardinalityKeyValue(PROVIDER, provider())
        .highCardinalityKeyValue("herald.delivery.id", message.deliveryId())
        .start();
    try (LogFields.Scope ids = LogFields.delivery(message.notificationId(), message.deliveryId());
        Observation.Scope current = call.openScope()) {
      ProviderReceipt receipt = adapter.send(message, attempt);
      call.lowCardinalityKeyValue(OUTCOME, "sent");
      log.debug("{} delivery {} accepted by {}", channel(), message.deliveryId(), provider());
      return receipt;
    } catch (ApplicationFailure failure) {
      call.lowCardinalityKeyValue(OUTCOME, failure.isNonRetryable() ? "failed" : "retry");
      call.error(new ProviderCallFailed(failure.getType()));
      throw failure;
    } catch (RuntimeException unexpected) {
      call.lowCardinalityKeyValue(OUTCOME, "error");
      call.error(new ProviderCallFailed(unexpected.getClass().getSimpleName()));
      throw unexpected;
    } finally {
      call.stop();
    }
  }

  /** What a failed call's span records: the failure's type alone, without a stack trace. */
  static final class ProviderCallFailed extends RuntimeException {
    ProviderCallFailed(String type) {
      super(type, null, false, false);
    }
  }
}
