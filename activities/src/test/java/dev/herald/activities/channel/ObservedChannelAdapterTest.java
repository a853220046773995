package dev.herald.activities.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.activities.logging.LogFields;
import dev.herald.activities.sms.SmsChannel;
import dev.herald.workflows.messages.DeliveryErrorType;
import dev.herald.workflows.messages.Channel;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.temporal.failure.ApplicationFailure;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class ObservedChannelAdapterTest {

  private static final OutgoingMessage MESSAGE = new OutgoingMessage("d-1", "notification-shop~k", "shop", Channel.SMS,
      "+447700900123", null, new RenderedMessage(null, null, "Your code is 1234", null), null, null, null);

  private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
  private final ObservationRegistry registry = ObservationRegistry.create();

  ObservedChannelAdapterTest() {
    registry.observationConfig().observationHandler(new ObservationHandler<>() {
      @Override
      public void onStop(Observation.Context context) {
        stopped.add(context);
      }

      @Override
      public boolean supportsContext(Observation.Context context) {
        return true;
      }
    });
  }

  @Test
  void aSentMessageIsOneObservedCallWithTheDeliveryIdsInTheLogContext() {
    List<Map<String, String>> logContext = new CopyOnWriteArrayList<>();
    var observed = new ObservedChannelAdapter(new SmsChannel(message -> {
      logContext.add(MDC.getCopyOfContextMap());
      return "SM1";
    }), registry);

    assertThat(observed.send(MESSAGE, 1)).isEqualTo(new ProviderReceipt("SM1", 1));

    assertThat(logContext.get(0)).containsEntry(LogFields.DELIVERY_ID, "d-1")
        .containsEntry(LogFields.NOTIFICATION_ID, "notification-shop~k");
    assertThat(MDC.get(LogFields.DELIVERY_ID)).as("put back after the call").isNull();
    assertThat(stopped).singleElement().satisfies(call -> {
      assertThat(call.getName()).isEqualTo(ObservedChannelAdapter.NAME);
      assertThat(tags(call)).containsEntry("channel", "SMS").containsEntry("provider", "twilio")
          .containsEntry("outcome", "sent");
    });
  }

  @Test
  void aFailedCallIsRecordedByItsTypeNeverByTheProvidersWords() {
    var observed = new ObservedChannelAdapter(new SmsChannel(message -> {
      throw new ProviderSendException(DeliveryErrorType.INVALID_ADDRESS, "21211",
          "The 'To' number +447700900123 is not valid", null);
    }), registry);

    assertThatThrownBy(() -> observed.send(MESSAGE, 2)).isInstanceOf(ApplicationFailure.class);

    Observation.Context call = stopped.get(0);
    assertThat(tags(call)).containsEntry("outcome", "failed");
    assertThat(call.getError()).hasMessage("INVALID_ADDRESS").hasNoCause();
  }

  @Test
  void aRetryableFailureIsARetry() {
    var observed = new ObservedChannelAdapter(new SmsChannel(message -> {
      throw new ProviderSendException(DeliveryErrorType.PROVIDER_UNAVAILABLE, "20429", "busy", null);
    }), registry);

    assertThatThrownBy(() -> observed.send(MESSAGE, 1)).isInstanceOf(ApplicationFailure.class);

    assertThat(tags(stopped.get(0))).containsEntry("outcome", "retry");
  }

  @Test
  void everyMethodOfAnAdapterIsPassedOn() {
    List<String> declared = Arrays.stream(ObservedChannelAdapter.class.getDeclaredMethods()).map(Method::getName).toList();
    assertThat(Arrays.stream(ChannelAdapter.class.getMethods()).map(Method::getName))
        .as("a default method not passed on would hide the adapter's own").allMatch(declared::contains);
  }

  private static Map<String, String> tags(Observation.Context context) {
    return context.getLowCardinalityKeyValues().stream().collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue));
  }
}
