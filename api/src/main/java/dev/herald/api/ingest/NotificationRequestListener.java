package dev.herald.api.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.api.notification.FieldViolation;
import dev.herald.api.notification.IdempotencyConflictException;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.notification.JsonProblems;
import dev.herald.api.notification.NotificationSubmitter;
import dev.herald.api.notification.SendNotificationRequest;
import dev.herald.api.notification.Submission;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns request events into notification workflows, with the REST API's rules. The event's
 * {@code idempotencyKey} (or else the record key) is its id: an event delivered twice is sent once.
 */
@Component
class NotificationRequestListener {

  private static final Logger log = LoggerFactory.getLogger(NotificationRequestListener.class);

  private final NotificationSubmitter submitter;
  private final ObjectMapper json;
  private final InFlightLimit inFlight;

  NotificationRequestListener(NotificationSubmitter submitter, ObjectMapper json, InFlightLimit inFlight) {
    this.submitter = submitter;
    this.json = json;
    this.inFlight = inFlight;
  }

  @KafkaListener(id = "herald-requests", idIsGroup = false, topics = "${herald.kafka.requests-topic}",
      concurrency = "${herald.kafka.partitions}")
  void onRequest(ConsumerRecord<String, String> record) throws InterruptedException {
    SendNotificationRequest request = parse(record);
    inFlight.awaitRoom();
    try {
      Submission submission = submitter.submit(request);
      log.debug("event {}-{}@{} -> {} (new: {})", record.topic(), record.partition(), record.offset(),
          submission.id(), submission.created());
    } catch (InvalidRequestException | IdempotencyConflictException e) {
      throw new InvalidEventException(e.getMessage(), e);
    }
  }

  private SendNotificationRequest parse(ConsumerRecord<String, String> record) {
    if (record.value() == null || record.value().isBlank()) {
      throw new InvalidEventException("(body): the event is empty", null);
    }
    SendNotificationRequest request;
    try {
      request = json.readValue(record.value(), SendNotificationRequest.class);
    } catch (JsonProcessingException e) {
      FieldViolation violation = JsonProblems.violationOf(e);
      throw new InvalidEventException(violation.field() + ": " + violation.message(), e);
    }
    if (request.idempotencyKey() == null && record.key() != null) {
      return request.withIdempotencyKey(record.key());
    }
    return request;
  }
}
