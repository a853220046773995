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
    String category) {

  public int size() {
    return toSeq - fromSeq;
  }
}
