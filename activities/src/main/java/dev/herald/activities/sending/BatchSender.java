package dev.herald.activities.sending;

import static dev.herald.activities.logging.RedactedFailure.withoutMessages;

import dev.herald.activities.attachment.AttachmentLinks;
import dev.herald.activities.attachment.Attachments;
import dev.herald.activities.channel.ChannelAdapter;
import dev.herald.activities.channel.OutgoingMessage;
import dev.herald.activities.channel.ProviderReceipt;
import dev.herald.activities.channel.ProviderSendException;
import dev.herald.activities.channel.RenderedMessage;
import dev.herald.activities.delivery.DeliveryOutcome;
import dev.herald.activities.metrics.SendMeters;
import dev.herald.activities.precedence.Precedence;
import dev.herald.activities.precedence.Work;
import dev.herald.activities.preference.BatchGate;
import dev.herald.activities.preference.SendGate;
import dev.herald.activities.preference.SkipReason;
import dev.herald.activities.preference.Verdict;
import dev.herald.activities.preference.links.PreferenceLinks;
import dev.herald.activities.template.TemplateRenderer;
import dev.herald.workflows.messages.BatchOutcome;
import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.DeliveryError;
import dev.herald.workflows.messages.DeliveryErrorType;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.Priority;
import dev.herald.workflows.messages.Recipient;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One channel's batches, of a list or a group alike (one instance per channel, over that channel's
 * adapter): claims the range's PENDING deliveries a group at a time ({@link ClaimGroups}), sends
 * each, and writes each outcome as it happens ({@link OutcomeWrites}). Heartbeats at most every
 * {@link #HEARTBEAT_EVERY} (the SDK sends fewer still). See {@code ChannelActivities#sendBatch} for
 * the contract.
 */
final class BatchSender {

  static final String BATCH_INCOMPLETE = "BATCH_INCOMPLETE";
  /** The error code of a send that failed in a way its adapter did not classify. */
  static final String UNEXPECTED = "unexpected-error";

  /** Well inside the batch's heartbeat timeout (a minute); a heartbeat per member would cost CPU for nothing. */
  static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(1);

  private static final Logger log = LoggerFactory.getLogger(BatchSender.class);

  private final Channel channel;
  private final ChannelAdapter adapter;
  private final BatchStore store;
  private final TemplateRenderer templates;
  private final OutcomeWriter writer;
  private final SendGate gate;
  private final PreferenceLinks links;
  private final Attachments attachments;
  private final AttachmentLinks attachmentLinks;
  private final SendMeters.Sends meters;
  private final Precedence precedence;
  private final int groupSize;

  BatchSender(ChannelAdapter adapter, BatchStore store, OutcomeWriter writer, TemplateRenderer templates,
      SendGate gate, PreferenceLinks links, Attachments attachments, AttachmentLinks attachmentLinks, SendMeters meters,
      Precedence precedence, int groupSize) {
    this.attachments = attachments;
    this.attachmentLinks = attachmentLinks;
    this.precedence = precedence;
    this.channel = adapter.channel();
    this.adapter = adapter;
    this.store = store;
    this.writer = writer;
    this.templates = templates;
    this.gate = gate;
    this.links = links;
    this.meters = meters.forChannel(channel, adapter.provider());
    this.groupSize = groupSize;
  }

  ChannelCounts sendBatch(BatchRequest batch) {
    return sendBatch(batch, false).counts();
  }

  /** @param holdQuiet whether members in their quiet hours are held back (counted in {@link BatchOutcome#deferred}) */
  BatchOutcome sendBatch(BatchRequest asked, boolean holdQuiet) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    BatchRequest batch = store.withContent(asked);
    Work work = Work.of(batch.priority(), batch.size());
    precedence.seen(work);
    int attempt = context.getInfo().getAttempt();
    boolean claimAtOnce = batch.size() <= groupSize;
    List<BatchItem> rows = store.load(batch, claimAtOnce);
    List<BatchItem> items = rows.stream().filter(row -> row.status() == DeliveryStatus.PENDING).toList();
    Map<Integer, Channel> reached = store.reached(batch);
    BatchMedia media = BatchMedia.of(adapter, batch.notificationId(), attachments, attachmentLinks);
    BatchContent content = BatchContent.of(batch, templates, media.carried(), attachments);
    boolean passesQuiet = batch.priority() == Priority.HIGH && content.settings().passesQuietHoursWhenHigh();
    BatchGate recipientsSay = gate.forBatch(batch.sender(), channel, batch.category(), holdQuiet && !passesQuiet,
        batch.at());
    int held = 0;
    Retries retries = new Retries();
    Tally tally = new Tally(rows);
    OutcomeWrites outcomes = new OutcomeWrites(store::recordSends, writer, channel);
    long lastHeartbeat = System.nanoTime();
    boolean contentKept = false;
    try {
      for (int from = 0; from < items.size(); from += groupSize) {
        List<BatchItem> group = items.subList(from, Math.min(from + groupSize, items.size()));
        List<BatchItem> toSend = skipReached(batch, group, reached, tally);
        Set<String> claimed = claimAtOnce
            ? toSend.stream().filter(BatchItem::claimed).map(BatchItem::deliveryId).collect(Collectors.toSet())
            : store.claim(toSend.stream().map(BatchItem::deliveryId).toList());
        tally.claimed(claimed.size() == toSend.size());
        Map<String, Verdict> verdicts = recipientsSay.check(toSend.stream()
            .filter(item -> claimed.contains(item.deliveryId()))
            .map(item -> new BatchGate.Member(item.deliveryId(), item.recipientId(), item.address(), item.timeZone()))
            .toList());
        for (BatchItem item : toSend) {
          Verdict verdict = verdicts.get(item.deliveryId());
          if (verdict != null && verdict.held()) {
            store.hold(item.deliveryId(), verdict.holdUntil());
            held++;
          } else if (claimed.contains(item.deliveryId())) {
            giveWayIfBulk(work);
            outcomes.beforeSend();
            SkipReason skip = verdict == null ? null : verdict.skip();
            DeliveryOutcome outcome = skip != null
                ? DeliveryOutcome.skipped(item.deliveryId(), skip.code(), skip.message())
                : send(batch, item, content, media, attempt, retries);
            if (outcome != null) {
              if (outcome.status() == DeliveryStatus.FAILED && !contentKept) {
                store.keepForRedrive(batch);
                contentKept = true;
              }
              outcomes.record(outcome);
              tally.ended(item, outcome.status());
              afterSend(item, outcome, skip, recipientsSay);
            }
          }
          // per member, not per group: a group of slow sends must not outlast the heartbeat timeout
          if (System.nanoTime() - lastHeartbeat >= HEARTBEAT_EVERY.toNanos()) {
            context.heartbeat(item.seq());
            lastHeartbeat = System.nanoTime();
          }
        }
      }
    } finally {
      outcomes.awaitWritten();
    }
    if (retries.count() > 0) {
      log.warn("notification {} {} batch [{}, {}): {} of {} deliveries will be retried", batch.notificationId(), channel,
          batch.fromSeq(), batch.toSeq(), retries.count(), items.size());
      throw retries.toFailure(items.size());
    }
    return new BatchOutcome(tally.exact() ? tally.counts(channel) : store.counts(batch), held);
  }

  /** A broadcast's member waits a moment while single sends of its priority or higher run in this process. */
  private void giveWayIfBulk(Work work) {
    if (!work.bulk()) {
      return;
    }
    try {
      precedence.beforeMember(work);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
  }

  /** A send that did not go out (failed, or refused by the provider as unsubscribed) gives its place under a cap back. */
  private void afterSend(BatchItem item, DeliveryOutcome outcome, SkipReason skip, BatchGate recipientsSay) {
    if (outcome.status() == DeliveryStatus.FAILED) {
      recipientsSay.failed(item.deliveryId());
    } else if (outcome.status() == DeliveryStatus.SKIPPED && skip == null) {
      recipientsSay.failed(item.deliveryId());
    }
  }

  /**
   * The group's members to send: in fallback those reached on an earlier channel, in an escalation those
   * who acknowledged one, are recorded SKIPPED.
   */
  private List<BatchItem> skipReached(BatchRequest batch, List<BatchItem> group, Map<Integer, Channel> reached,
      Tally tally) {
    if (reached.isEmpty()) {
      return group;
    }
    tally.skipped();
    List<BatchItem> toSend = new ArrayList<>(group.size());
    for (BatchItem item : group) {
      Channel reachedBy = reached.get(item.seq());
      if (reachedBy != null) {
        store.record(DeliveryOutcome.skipped(item.deliveryId(), batch.acknowledged()
            ? "escalation not needed: acknowledged on " + reachedBy : "fallback not needed: sent by " + reachedBy));
      } else {
        toSend.add(item);
      }
    }
    return toSend;
  }

  /** Sends to one claimed member: the outcome to record, or null when it stays PENDING for a retry (recorded here). */
  private DeliveryOutcome send(BatchRequest batch, BatchItem item, BatchContent content, BatchMedia media, int attempt,
      Retries retries) {
    meters.attempted();
    try {
      // the member's link: {{preferencesUrl}} in a template, and on the message where its channel or template asks
      boolean carriesLink = adapter.alwaysLinksPreferences() || content.linksPreferences();
      String link = carriesLink || content.templated()
          ? links.url(batch.sender(), channel, item.recipientId(), item.address(), batch.category()).orElse(null)
          : null;
      RenderedMessage rendered = content.forMember(item, link);
      media.requireLinked();
      meters.rendered(batch.priority(), rendered.subject(), rendered.body(), rendered.html());
      ProviderReceipt receipt = adapter.send(message(batch, item, rendered, carriesLink ? link : null, content, media),
          attempt);
      return DeliveryOutcome.sent(item.deliveryId(), receipt);
    } catch (ProviderSendException e) {
      return failed(item, new DeliveryError(e.type(), e.providerCode(), e.getMessage(), attempt));
    } catch (ApplicationFailure failure) {
      DeliveryError error = Retries.errorOf(failure, attempt);
      if (failure.isNonRetryable()) {
        return failed(item, error);
      }
      counted(error);
      store.recordRetry(item.deliveryId(), error);
      retries.add(error, failure.getNextRetryDelay());
      return null;
    } catch (RuntimeException unexpected) {
      // a failure the adapter did not classify: retried like a transient one, shown without Java's words
      log.warn("{} delivery {} attempt {} failed unexpectedly", channel, item.deliveryId(), attempt,
          withoutMessages(unexpected));
      DeliveryError error = new DeliveryError(DeliveryErrorType.PROVIDER_UNAVAILABLE, UNEXPECTED,
          "an unexpected error in Herald's " + channel + " channel (see the worker's log)", attempt);
      counted(error);
      store.recordRetry(item.deliveryId(), error);
      retries.add(error, null);
      return null;
    }
  }

  /** A provider's word that the address unsubscribed (e.g. Twilio 21610) suppresses it for every later send. */
  private DeliveryOutcome failed(BatchItem item, DeliveryError error) {
    counted(error);
    if (error.type() == DeliveryErrorType.RECIPIENT_OPTED_OUT) {
      gate.providerOptedOut(channel, item.address(), error.providerCode());
    }
    return DeliveryOutcome.failed(item.deliveryId(), error);
  }

  /** A failed send in the provider errors meter, by the provider's code, else Herald's error type. */
  private void counted(DeliveryError error) {
    meters.failed(error.providerCode() != null ? error.providerCode() : error.type().name());
  }

  /** The member's message: the files for a channel that attaches them, the links for one that links them. */
  private OutgoingMessage message(BatchRequest batch, BatchItem item, RenderedMessage rendered, String preferencesUrl,
      BatchContent content, BatchMedia media) {
    Recipient recipient = new Recipient(item.recipientId(), item.email(), item.phone(), item.pushToken(), item.locale(),
        item.slack());
    return new OutgoingMessage(item.deliveryId(), batch.notificationId(), batch.sender(), batch.channel(),
        item.address(), recipient, rendered, batch.category(), preferencesUrl, batch.priority(),
        adapter.attaches() ? content.files() : List.of(), media.links(), media.imageUrl());
  }
}
