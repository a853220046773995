package dev.herald.workflows.messages;

import java.util.List;

/**
 * One batch of a broadcast on one channel: the reserved deliveries of the audience members numbered
 * {@code fromSeq} (inclusive) to {@code toSeq} (exclusive). Content is inline or a template rendered
 * per recipient (with the recipient's own fields as variables).
 *
 * @param reachedBy channels tried before this one (fallback mode): a member already reached on one of
 *     them is SKIPPED here; empty when every channel is sent
 * @param category the notification's category (its recipients' opt-outs and caps); null: none
 * @param priority the notification's priority (a HIGH one may pass quiet hours); null: NORMAL
 * @param acknowledged with {@code reachedBy}: a member counts as reached on those channels only when it
 *     acknowledged them (an in-app item read, a receipt saying delivered): ESCALATE; false: when sent (FALLBACK)
 * @param at the workflow's time when it asked for the batch: quiet hours are judged at the later of
 *     it and the worker's clock (so a workflow's skipped time counts); null: the worker's clock
 * @param contentKey where the notification's content is kept (with {@code notificationId}): {@code content}
 *     is then null and {@code template} holds no variables; null: both inline (histories from before)
 */
public record BatchRequest(
    String notificationId,
    String sender,
    Channel channel,
    int fromSeq,
    int toSeq,
    Content content,
    TemplateRef template,
    List<Channel> reachedBy,
    String category,
    Priority priority,
    java.time.Instant at,
    boolean acknowledged,
    String contentKey) {

  /** A batch whose content and variables are inline. */
  public BatchRequest(String notificationId, String sender, Channel channel, int fromSeq, int toSeq, Content content,
      TemplateRef template, List<Channel> reachedBy, String category, Priority priority, java.time.Instant at,
      boolean acknowledged) {
    this(notificationId, sender, channel, fromSeq, toSeq, content, template, reachedBy, category, priority, at,
        acknowledged, null);
  }

  /** This batch with {@code content} and {@code template} as given (read from where {@code contentKey} says). */
  public BatchRequest withContent(Content content, TemplateRef template) {
    return new BatchRequest(notificationId, sender, channel, fromSeq, toSeq, content, template, reachedBy, category,
        priority, at, acknowledged, contentKey);
  }

  public int size() {
    return toSeq - fromSeq;
  }
}
