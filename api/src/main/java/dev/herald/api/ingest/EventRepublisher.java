package dev.herald.api.ingest;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes a dead-lettered request event's bytes to its topic again (its key and value, as they came). */
public class EventRepublisher {

  /** Kafka did not take the event. */
  public static class PublishException extends RuntimeException {
    PublishException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final KafkaTemplate<byte[], byte[]> bytes;

  EventRepublisher(KafkaTemplate<byte[], byte[]> bytes) {
    this.bytes = bytes;
  }

  public void publish(String topic, byte[] key, byte[] value) {
    try {
      bytes.send(topic, key, value).get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishException("interrupted while publishing to " + topic, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new PublishException("Kafka did not take the event for " + topic, e);
    }
  }
}
