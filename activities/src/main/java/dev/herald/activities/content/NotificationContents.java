package dev.herald.activities.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.DeliveryErrorType;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.TemplateRef;
import io.temporal.failure.ApplicationFailure;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What notifications send (inline subject and body, or the template's variables), kept in PostgreSQL
 * ({@code notification_content}) so that workflow inputs and activity payloads carry a key instead and do not
 * grow with the message. The door keeps it before it starts the workflow, under the notification id and the
 * request's SHA-256 (the spec's {@code contentKey}): a repeat of the request finds its row there, and a different
 * request under the same idempotency key writes another row, which nothing reads. Batches read it once each. It is
 * dropped with the notification's final status unless a dead letter can still re-drive it, and after
 * {@code herald.attachments.unreferenced-ttl} when the delivery log never recorded the notification.
 */
@Service
public class NotificationContents {

  /** The key of content a batch kept for re-drives when its notification carried it inline (from before keys). */
  public static final String INLINE = "";
  /** The error code of a batch whose notification's content is no longer kept. */
  public static final String CONTENT_MISSING = "content-missing";

  /**
   * Without the modules the classpath offers: Scala's (with an embedded Kafka broker) would read nested variables as
   * Scala maps, which templates cannot look into.
   */
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;

  NotificationContents(NamedParameterJdbcOperations jdbc) {
    this.jdbc = JdbcClient.create(jdbc);
  }

  /**
   * Keeps what {@code spec} sends, under its id and request hash (once: a repeat writes nothing), and answers
   * the spec that names it instead of carrying it: no content, the template without its variables.
   */
  public NotificationSpec keep(NotificationSpec spec) {
    insert(spec.id(), spec.requestHash(), spec.sender(),
        new KeptContent(spec.content(), spec.template(), spec.category(), spec.priority()));
    TemplateRef template = spec.template() == null ? null
        : new TemplateRef(spec.template().key(), spec.template().version(), null);
    return new NotificationSpec(spec.id(), spec.idempotencyKey(), spec.sender(), spec.channels(), spec.recipients(),
        null, spec.priority(), spec.sendAt(), spec.approval(), spec.acceptedAt(), spec.requestHash(),
        spec.channelMode(), spec.receiptWindow(), template, spec.group(), spec.resume(), spec.category(),
        spec.escalateAfter(), spec.digest(), spec.requestHash());
  }

  /** Drops what {@link #keep} wrote for a request that did not become the notification (another held its key). */
  public void forget(NotificationSpec kept) {
    jdbc.sql("delete from notification_content where notification_id = :id and request_hash = :key")
        .param("id", kept.id()).param("key", kept.contentKey()).update();
  }

  /**
   * Drops what the door kept before {@code before} for notifications the delivery log never recorded (their start
   * failed and was not asked for again); answers how many.
   */
  public int sweepUnlogged(Instant before) {
    return jdbc.sql("""
            delete from notification_content c where c.created_at < :before
              and not exists (select 1 from notification n where n.id = c.notification_id)""")
        .param("before", Timestamp.from(before)).update();
  }

  /** What a batch that carries its content inline sends, kept (once) for re-drives; nothing for one by key. */
  public void keepForRedrive(BatchRequest batch) {
    if (batch.contentKey() == null) {
      insert(batch.notificationId(), INLINE, batch.sender(),
          new KeptContent(batch.content(), batch.template(), batch.category(), batch.priority()));
    }
  }

  /** The spec with its content and variables read back; as it is when it carries them, or when they are gone. */
  public NotificationSpec inline(NotificationSpec spec) {
    if (!spec.contentKept()) {
      return spec;
    }
    return find(spec.id(), spec.contentKey())
        .map(kept -> spec.withContent(kept.content(), template(spec.template(), kept)))
        .orElse(spec);
  }

  /**
   * The batch with its notification's content and variables read back (one query), as it is when it carries them.
   *
   * @throws ApplicationFailure non-retryable ({@code TEMPLATE_ERROR}) when they are no longer kept
   */
  public BatchRequest inline(BatchRequest batch) {
    if (batch.contentKey() == null) {
      return batch;
    }
    KeptContent kept = find(batch.notificationId(), batch.contentKey()).orElseThrow(() ->
        ApplicationFailure.newNonRetryableFailure("what notification " + batch.notificationId()
            + " sends is no longer kept (" + CONTENT_MISSING + ")", DeliveryErrorType.TEMPLATE_ERROR.name()));
    return batch.withContent(kept.content(), template(batch.template(), kept));
  }

  /** What was kept under the notification id and key; empty when nothing (any more). */
  public Optional<KeptContent> find(String notificationId, String key) {
    return jdbc.sql("select content from notification_content where notification_id = :id and request_hash = :key")
        .param("id", notificationId).param("key", key).query(String.class).optional().map(NotificationContents::read);
  }

  /** The key and version the workflow carries (fixed at acceptance), with the kept variables. */
  private static TemplateRef template(TemplateRef carried, KeptContent kept) {
    if (carried == null || kept.template() == null) {
      return kept.template();
    }
    return new TemplateRef(carried.key(), carried.version(), kept.template().variables());
  }

  private void insert(String notificationId, String key, String sender, KeptContent content) {
    jdbc.sql("""
            insert into notification_content (notification_id, request_hash, sender, content, created_at)
            values (:id, :key, :sender, :content, now()) on conflict (notification_id, request_hash) do nothing""")
        .param("id", notificationId).param("key", key).param("sender", sender).param("content", write(content))
        .update();
  }

  /** The kept JSON of a notification's content. */
  public static KeptContent read(String json) {
    try {
      return JSON.readValue(json, KeptContent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a kept notification content is unreadable", e);
    }
  }

  private static String write(KeptContent content) {
    try {
      return JSON.writeValueAsString(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a notification's content cannot be written as JSON", e);
    }
  }
}
