package dev.herald.api.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.activities.attachment.Attachments;
import dev.herald.activities.content.NotificationContents;
import dev.herald.activities.precedence.Precedence;
import dev.herald.activities.precedence.Work;
import dev.herald.activities.recipient.RecipientRules;
import dev.herald.activities.sms.PhoneNumbers;
import dev.herald.activities.template.TemplateNotFoundException;
import dev.herald.activities.template.TemplateVersion;
import dev.herald.activities.template.Templates;
import dev.herald.workflows.TaskQueues;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelMode;
import dev.herald.workflows.messages.Content;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.Priority;
import dev.herald.workflows.notification.DeliveryPolicies;
import dev.herald.workflows.messages.Recipient;
import dev.herald.workflows.messages.TemplateRef;
import dev.herald.workflows.notification.NotificationStart;
import dev.herald.workflows.notification.NotificationWorkflow;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Accepts a request: validates it and starts its workflow under the id derived from the
 * idempotency key. A repeat (same key, same request) returns the existing notification; the same
 * key with a different request is a conflict ({@link IdempotencyKeys}: for the idempotency window
 * after the notification finished). When this returns, the notification exists: its workflow was
 * started, or it is the earlier one.
 */
@Service
@EnableConfigurationProperties({NotificationSettings.class, ApprovalProperties.class})
public class NotificationSubmitter {

  private final WorkflowClient client;
  private final NotificationRequestValidator validator;
  private final ApprovalProperties approval;
  private final NotificationSettings settings;
  private final IdempotencyKeys keys;
  private final Templates templates;
  private final RecipientDirectory directory;
  private final BroadcastGroups groups;
  private final ObjectMapper json;
  private final Clock clock;
  private final DoorMeters meters;
  private final Precedence precedence;
  private final AttachmentRefs attachmentRefs;
  private final Attachments attachments;
  private final NotificationContents contents;

  NotificationSubmitter(WorkflowClient client, NotificationRequestValidator validator, ApprovalProperties approval,
      NotificationSettings settings, IdempotencyKeys keys, Templates templates, RecipientDirectory directory,
      BroadcastGroups groups, ObjectMapper json, Clock clock, DoorMeters meters, Precedence precedence,
      AttachmentRefs attachmentRefs, Attachments attachments, NotificationContents contents) {
    this.contents = contents;
    this.precedence = precedence;
    this.attachmentRefs = attachmentRefs;
    this.attachments = attachments;
    this.client = client;
    this.validator = validator;
    this.approval = approval;
    this.settings = settings;
    this.keys = keys;
    this.templates = templates;
    this.directory = directory;
    this.groups = groups;
    this.json = json;
    this.clock = clock;
    this.meters = meters;
  }

  /** A request from the REST API, asked for with the API key of this prefix (which may then not approve it). */
  public Submission submit(SendNotificationRequest asked, String requestingKey) {
    return submit(asked, KeySource.API, requestingKey);
  }

  /** A request from a Kafka event: no key asked for it. */
  public Submission submit(SendNotificationRequest asked, KeySource keySource) {
    return submit(asked, keySource, null);
  }

  private Submission submit(SendNotificationRequest asked, KeySource keySource, String requestingKey) {
    Instant now = clock.instant();
    List<FieldViolation> text = validator.validateText(asked, keySource);
    if (!text.isEmpty()) {
      throw new InvalidRequestException(text);
    }
    String sender = senderOf(asked);
    SendNotificationRequest request = directory.complete(asked, sender);
    List<FieldViolation> violations = new ArrayList<>(validator.validate(request, now, keySource));
    violations.addAll(attachmentRefs.check(request.attachments(), sender));
    violations.addAll(attachmentRefs.checkImage(request.image(), sender, request.channels()));
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    precedence.seen(Work.of(priorityOf(request), request.isBroadcast() ? Integer.MAX_VALUE : request.recipients().size()));
    String requestHash = fingerprint(asked, priorityOf(request), sender);
    try {
      IdempotencyKeys.Claim claim = keys.claim(sender, request.idempotencyKey(), now);
      if (claim.isRepeat()) {
        return keys.repeatOf(claim.holder(), request.idempotencyKey(), requestHash);
      }
      String audience = request.isBroadcast() ? groupAudience(sender, request.group())
          : request.recipients().size() + " recipient(s)";
      // before the start, so its batches find them; the workflow's input carries no attachments, no content and no
      // variables, only the key they are kept under
      NotificationSpec spec = contents.keep(toSpec(claim.id(), request, now, requestingKey, requestHash));
      NotificationWorkflow workflow = client.newWorkflowStub(NotificationWorkflow.class, optionsFor(spec, audience));
      List<UUID> referenced = attachments.reference(AttachmentRefs.ids(request.attachments()), spec.id());
      Optional<UUID> image = AttachmentRefs.image(request.image())
          .filter(id -> attachments.referenceImage(id, spec.id()));
      try {
        WorkflowClient.start(workflow::send, spec);
        meters.accepted(keySource == KeySource.API ? DoorMeters.Source.REST : DoorMeters.Source.KAFKA, spec.priority());
        return new Submission(spec.id(), NotificationStatus.ACCEPTED, true);
      } catch (WorkflowExecutionAlreadyStarted existing) {
        return repeatOfStarted(spec, requestHash, referenced, image);
      }
    } catch (WorkflowServiceException unavailable) {
      throw new TemporalUnavailableException(unavailable);
    }
  }

  /**
   * A start refused as a duplicate: a different request under the key leaves the other's attachments, image and
   * content as they were, and drops its own ({@code referenced} and {@code image}: what this request referenced anew).
   */
  private Submission repeatOfStarted(NotificationSpec spec, String requestHash, List<UUID> referenced,
      Optional<UUID> image) {
    try {
      return keys.repeatOfStarted(spec.id(), spec.idempotencyKey(), requestHash);
    } catch (IdempotencyConflictException conflict) {
      attachments.unreference(referenced, spec.id());
      contents.forget(spec);
      image.ifPresent(id -> attachments.unreferenceImage(id, spec.id()));
      throw conflict;
    }
  }

  /** {@code requestHash} is of what the client sent, so a repeat stays a repeat when stored addresses change. */
  private NotificationSpec toSpec(String id, SendNotificationRequest request, Instant now, String requestingKey,
      String requestHash) {
    Priority priority = priorityOf(request);
    String sender = senderOf(request);
    List<Recipient> recipients = request.isBroadcast() ? List.of()
        : request.recipients().stream().map(this::toRecipient).toList();
    ChannelMode mode = request.channelMode() == null ? ChannelMode.ALL : request.channelMode();
    TemplateVersion version = request.template() == null ? null : templateVersion(request);
    TemplateRef template = version == null ? null
        : new TemplateRef(request.template(), version.version(), request.variables() == null ? Map.of() : request.variables());
    Content content = template == null ? new Content(request.subject(), request.body()) : null;
    return new NotificationSpec(id, request.idempotencyKey(),
        sender, List.copyOf(request.channels()), recipients, content, priority, request.sendAt(),
        approval.policy().requestedBy(requestingKey), now,
        requestHash, mode, settings.receiptWindow(), template, request.group(), null,
        category(request, version), request.escalateAfter(), DigestRequests.rule(request, version));
  }

  /**
   * The version is fixed at acceptance, so a later publish never changes a notification in flight.
   * It must have a part for every channel asked for, in every recipient's locale.
   */
  private TemplateVersion templateVersion(SendNotificationRequest request) {
    TemplateVersion version;
    try {
      version = templates.resolve(request.template(), request.templateVersion());
    } catch (TemplateNotFoundException e) {
      throw new InvalidRequestException(request.templateVersion() == null ? "template" : "templateVersion", e.getMessage());
    }
    TemplateCoverage.check(version, request);
    return version;
  }

  /** The template version's category, else the request's; a request naming another than its version's is refused. */
  private static String category(SendNotificationRequest request, TemplateVersion version) {
    String fromVersion = version == null ? null : version.content().settings().category();
    if (fromVersion != null && request.category() != null && !fromVersion.equals(request.category())) {
      throw new InvalidRequestException("category", "is '" + fromVersion + "' in version " + version.version()
          + " of template '" + version.templateKey() + "'; leave it out or name the same");
    }
    return fromVersion != null ? fromVersion : request.category();
  }

  private static Priority priorityOf(SendNotificationRequest request) {
    return request.priority() == null ? Priority.NORMAL : request.priority();
  }

  private Recipient toRecipient(SendNotificationRequest.RecipientAddress r) {
    String phone = r.phone() == null ? null : PhoneNumbers.toE164(r.phone(), settings.defaultPhoneRegion()).orElseThrow();
    String locale = r.locale() == null ? null : RecipientRules.locale(r.locale()).orElseThrow();
    return new Recipient(r.id(), r.email(), phone, r.pushToken(), locale, r.slack());
  }

  /** e.g. "group vip-customers (12,345 members)": the size now; the workflow fixes the audience when it records it. */
  private String groupAudience(String sender, String key) {
    return String.format(Locale.ROOT, "group %s (%,d members)", key, groups.require(sender, key).size());
  }

  /** Who sends: the notification's sender, and the owner of the recipients and groups it names. */
  /** Always named: by the API key (NotificationController) or the topic's rule (the Kafka listener). */
  private static String senderOf(SendNotificationRequest request) {
    return Objects.requireNonNull(request.sender(), "the sender comes from the API key or the topic's rule");
  }

  private WorkflowOptions optionsFor(NotificationSpec spec, String audience) {
    List<String> channels = spec.channels().stream().map(Channel::name).toList();
    return WorkflowOptions.newBuilder()
        .setWorkflowId(spec.id())
        .setTaskQueue(TaskQueues.notificationsFor(spec.priority()))
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
        .setMemo(Map.of(IdempotencyKeys.REQUEST_HASH_MEMO, spec.requestHash()))
        .setTypedSearchAttributes(NotificationStart.searchAttributes(spec))
        .setPriority(DeliveryPolicies.taskPriority(spec.priority(), spec.sender()))
        .setStaticSummary(WorkflowSummary.clamp(String.join("+", channels) + " to " + audience + " from "
            + spec.sender() + ", " + spec.priority() + " priority"))
        .setStaticDetails(NotificationStart.staticDetails(spec))
        .build();
  }

  /** SHA-256 of what the request asks for (everything but the key), to tell repeats from reuse. */
  private String fingerprint(SendNotificationRequest request, Priority priority, String sender) {
    var canonical = new SendNotificationRequest(null, sender, request.channels(), request.channelMode(),
        request.recipients(), request.group(), request.subject(), request.body(), priority, request.sendAt(), request.template(),
        request.templateVersion(), request.variables(), request.category(), request.escalateAfter(),
        request.attachments(), request.image());
    try {
      byte[] bytes = json.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot fingerprint request", e);
    }
  }
}
