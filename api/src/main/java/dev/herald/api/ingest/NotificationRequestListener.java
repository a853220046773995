package dev.herald.api.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.activities.logging.LogFields;
import dev.herald.activities.precedence.Precedence;
import dev.herald.api.notification.FieldViolation;
import dev.herald.api.notification.IdempotencyConflictException;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.notification.JsonProblems;
import dev.herald.api.notification.KeySource;
import dev.herald.api.notification.DoorMeters;
import dev.herald.api.notification.NotificationSubmitter;
import dev.herald.api.notification.SendNotificationRequest;
import dev.herald.api.template.CallerTemplates;
import dev.herald.api.notification.Submission;
import dev.herald.workflows.messages.Priority;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns request events into notification workflows, with the REST API's rules. An event speaks for
 * the sender it names, or its topic's only sender, when its topic may speak for that sender
 * ({@link TopicSenders}). The event's {@code idempotencyKey} (or else the record key) is its id
 * within its sender's: an event delivered twice is sent once. Events are read as bytes, so one that
 * is refused goes to the dead-letter topic exactly as it came. Each priority has its own lane
 * ({@link PriorityLanes}): a consumer group that takes its priority's events and passes over the rest.
 */
@Component
class NotificationRequestListener {

  private static final Logger log = LoggerFactory.getLogger(NotificationRequestListener.class);

  private final NotificationSubmitter submitter;
  private final ObjectMapper json;
  private final PriorityLanes lanes;
  private final TopicSenders senders;
  private final CallerTemplates templates;
  private final DoorMeters meters;
  private final Precedence precedence;

  NotificationRequestListener(NotificationSubmitter submitter, ObjectMapper json, PriorityLanes lanes,
      TopicSenders senders, CallerTemplates templates, DoorMeters meters, Precedence precedence) {
    this.precedence = precedence;
    this.meters = meters;
    this.submitter = submitter;
    this.json = json;
    this.lanes = lanes;
    this.senders = senders;
    this.templates = templates;
  }

  /** The NORMAL lane, in the consumer group Herald had before lanes (and events that name no priority). */
  @KafkaListener(id = "herald-requests", idIsGroup = false, topics = "#{__listener.topics()}",
      concurrency = "${herald.kafka.partitions}", containerFactory = KafkaIngestConfig.CONTAINER_FACTORY)
  void onRequest(ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
    inLane(Priority.NORMAL, record);
  }

  @KafkaListener(id = "herald-requests-high", groupId = "${spring.kafka.consumer.group-id}-high",
      topics = "#{__listener.topics()}", concurrency = "${herald.kafka.partitions}",
      containerFactory = KafkaIngestConfig.CONTAINER_FACTORY)
  void onHighPriorityRequest(ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
    inLane(Priority.HIGH, record);
  }

  @KafkaListener(id = "herald-requests-low", groupId = "${spring.kafka.consumer.group-id}-low",
      topics = "#{__listener.topics()}", concurrency = "${herald.kafka.partitions}",
      containerFactory = KafkaIngestConfig.CONTAINER_FACTORY)
  void onLowPriorityRequest(ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
    inLane(Priority.LOW, record);
  }

  /** Starts the event's notification when it is {@code lane}'s; another lane's event is passed over. */
  private void inLane(Priority lane, ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
    if (lanes.of(record) != lane) {
      return;
    }
    meters.request(DoorMeters.Source.KAFKA, lane, record.serializedValueSize());
    SendNotificationRequest request = lanes.prioritized(record, senders.speakingFor(record.topic(), parse(record.value())));
    KeySource keySource = KeySource.EVENT;
    if (request.idempotencyKey() == null && record.key() != null) {
      request = request.withIdempotencyKey(recordKey(record.key()));
      keySource = KeySource.RECORD_KEY;
    }
    precedence.beforeEvent(lane);
    lanes.limit(lane).awaitRoom();
    try {
      if (!senders.anySender(record.topic())) {
        templates.requireOwn(request.sender(), request.template());
      }
      Submission submission = submitter.submit(request, keySource);
      try (LogFields.Scope ids = LogFields.workflow(submission.id(), submission.id())) {
        log.debug("event {}-{}@{} -> {} (new: {})", record.topic(), record.partition(), record.offset(),
            submission.id(), submission.created());
      }
    } catch (InvalidRequestException | IdempotencyConflictException e) {
      throw new InvalidEventException(e.getMessage(), e);
    }
  }

  /** Every request topic: what the listener consumes ({@code __listener} in its annotation is this bean). */
  public String[] topics() {
    return senders.topics();
  }

  private SendNotificationRequest parse(byte[] value) {
    if (value == null || new String(value, StandardCharsets.UTF_8).isBlank()) {
      throw new InvalidEventException("(body): the event is empty", null);
    }
    try {
      return json.readValue(value, SendNotificationRequest.class);
    } catch (IOException e) {
      // not Jackson's exception as the cause: its message quotes the event, which must stay out of logs
      FieldViolation violation = JsonProblems.violationOf(e);
      throw new InvalidEventException(violation.field() + ": " + violation.message(), null);
    }
  }

  /** The record key as text: it must be UTF-8, as the key rules then read it. */
  private static String recordKey(byte[] key) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(key)).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidEventException("record key: is not UTF-8 text", null);
    }
  }
}
