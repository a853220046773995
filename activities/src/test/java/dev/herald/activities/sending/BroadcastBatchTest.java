package dev.herald.activities.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase.Replace.NONE;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.herald.activities.GroupFixtures;
import dev.herald.activities.GroupFixtures.Member;
import dev.herald.activities.attachment.Attachment;
import dev.herald.activities.attachment.AttachmentLinks;
import dev.herald.activities.attachment.Attachments;
import dev.herald.activities.channel.ChannelAdapter;
import dev.herald.activities.channel.OutgoingMessage;
import dev.herald.activities.channel.ProviderReceipt;
import dev.herald.activities.content.NotificationContents;
import dev.herald.activities.deadletter.DeadLetter;
import dev.herald.activities.deadletter.DeadLetterActivitiesImpl;
import dev.herald.activities.deadletter.DeadLetterFilter;
import dev.herald.activities.deadletter.DeadLetters;
import dev.herald.activities.deadletter.DeliveryAttempt;
import dev.herald.activities.delivery.DeliveryLogActivitiesImpl;
import dev.herald.activities.delivery.DeliveryLogWrites;
import dev.herald.activities.delivery.DeliveryOutcome;
import dev.herald.activities.email.EmailChannel;
import dev.herald.activities.email.EmailProperties;
import dev.herald.activities.email.EmailSender;
import dev.herald.activities.email.SmtpEmailSender;
import dev.herald.activities.email.SmtpServer;
import dev.herald.activities.metrics.HeraldMeters;
import dev.herald.activities.metrics.SendMeters;
import dev.herald.activities.precedence.Precedence;
import dev.herald.activities.precedence.PrecedenceProperties;
import dev.herald.activities.precedence.Work;
import dev.herald.activities.preference.PreferenceStore;
import dev.herald.activities.preference.SendGate;
import dev.herald.activities.template.TemplateRenderer;
import dev.herald.activities.preference.QuietHoursSetting;
import dev.herald.activities.preference.Scope;
import dev.herald.activities.preference.Suppressions;
import dev.herald.activities.preference.links.PreferenceLink;
import dev.herald.activities.preference.links.PreferenceLinks;
import dev.herald.activities.channel.ProviderSendException;
import dev.herald.activities.template.ChannelParts;
import dev.herald.activities.template.EmailPart;
import dev.herald.activities.template.PushPart;
import dev.herald.activities.template.TemplateSettings;
import dev.herald.activities.template.Templates;
import dev.herald.activities.template.TemplateContent;
import dev.herald.workflows.audience.AudienceRules;
import dev.herald.workflows.channel.ChannelActivities;
import dev.herald.workflows.messages.ApprovalPolicy;
import dev.herald.workflows.messages.BatchOutcome;
import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.QuietWait;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.ChannelMode;
import dev.herald.workflows.messages.Content;
import dev.herald.workflows.messages.DeadLetterStatus;
import dev.herald.workflows.messages.DeliveryError;
import dev.herald.workflows.messages.DeliveryErrorType;
import dev.herald.workflows.messages.DeliveryReceipt;
import dev.herald.workflows.messages.RedriveOutcome;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.Priority;
import dev.herald.workflows.messages.Recipient;
import dev.herald.workflows.messages.TemplateRef;
import dev.herald.workflows.notification.NotificationIds;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The email batch activity as Temporal runs it, over the real email activity, an SMTP server (GreenMail)
 * and PostgreSQL, for groups and lists alike. Not rolled back (the activity runs on its own thread):
 * every test uses its own keys.
 */
@DataJdbcTest(properties = {
    "herald.preferences.frequency-caps[0].category=digest-news",
    "herald.preferences.frequency-caps[0].channel=EMAIL",
    "herald.preferences.frequency-caps[0].max=2",
    "herald.preferences.frequency-caps[0].window=24h",
    "herald.public-url=https://herald.example.com/",
    "herald.preferences.links.keys=t1:" + BroadcastBatchTest.LINK_KEY,
    "herald.blobs.directory=${java.io.tmpdir}/broadcast-test-blobs"})
@AutoConfigureTestDatabase(replace = NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class BroadcastBatchTest {

  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  static final String LINK_KEY = "YnJvYWRjYXN0LWJhdGNoLXRlc3QtbGluay1rZXktMzJi";

  private static final ActivityOptions ONE_ATTEMPT = ActivityOptions.newBuilder()
      .setStartToCloseTimeout(Duration.ofSeconds(30))
      .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
      .build();

  @Autowired DeliveryLogActivitiesImpl log;
  @Autowired DeliveryLogWrites writes;
  @Autowired ChannelActivitiesFactory channels;
  @Autowired Templates templates;
  @Autowired NamedParameterJdbcTemplate template;
  @Autowired PreferenceStore preferences;
  @Autowired Suppressions suppressions;
  @Autowired PreferenceLinks links;
  @Autowired DeadLetters deadLetters;
  @Autowired DeadLetterActivitiesImpl redrives;
  @Autowired BatchStore store;
  @Autowired OutcomeWriter writer;
  @Autowired TemplateRenderer renderer;
  @Autowired SendGate gate;
  @Autowired SendMeters sendMeters;
  @Autowired Attachments attachments;
  @Autowired NotificationContents contents;
  @Autowired AttachmentLinks attachmentLinks;

  private TestActivityEnvironment environment;
  private final AtomicBoolean dead = new AtomicBoolean();
  private final AtomicBoolean providerDown = new AtomicBoolean();
  private SmtpEmailSender smtpSender;
  private ChannelActivities activities;

  @BeforeEach
  void startEnvironment() {
    environment = TestActivityEnvironment.newInstance();
    smtpSender = new SmtpEmailSender(new SmtpServer("127.0.0.1", smtp.getSmtp().getPort(), null, null, false),
        new EmailProperties("Herald <herald@example.com>", "herald.example.com",
            new EmailProperties.Smtp(null, 0, null, null, false, 2, Duration.ofSeconds(5))));
    environment.registerActivitiesImplementations(
        channels.forAdapter(new EmailChannel(scripted(smtpSender), links)));
    activities = environment.newActivityStub(ChannelActivities.class, ONE_ATTEMPT);
  }

  @AfterEach
  void closeEnvironment() throws Exception {
    environment.close();
    smtpSender.close();
  }

  @Test
  void aBatchSendsEachPendingDeliveryOnceAndARepeatSendsNothing() {
    NotificationSpec spec = broadcast("once", ChannelMode.ALL, Channel.EMAIL, emails("once", 5));

    ChannelCounts first = activities.sendBatch(batch(spec, Channel.EMAIL, 0, 4, List.of()));
    ChannelCounts repeat = activities.sendBatch(batch(spec, Channel.EMAIL, 0, 4, List.of()));

    assertThat(first).isEqualTo(new ChannelCounts(Channel.EMAIL, 4, 0, 4, 0, 0, 0, 0));
    assertThat(repeat).isEqualTo(first);
    assertThat(recipientsOf(smtp.getReceivedMessages()))
        .containsExactly("once-0@example.com", "once-1@example.com", "once-2@example.com", "once-3@example.com");
    assertThat(statuses(spec)).containsEntry("email/0", "SENT").containsEntry("email/4", "PENDING");
  }

  @Test
  void deliveriesReleasedBeforeTheBatchAreNotSent() {
    NotificationSpec spec = broadcast("released", ChannelMode.ALL, Channel.EMAIL, emails("released", 3));
    log.releasePending(spec.id(), "cancelled by ops");

    ChannelCounts counts = activities.sendBatch(batch(spec, Channel.EMAIL, 0, 3, List.of()));

    assertThat(counts).isEqualTo(new ChannelCounts(Channel.EMAIL, 3, 0, 0, 0, 0, 0, 3));
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void aBroadcastCancelledDuringTheBatchSendsOnlyTheRestOfTheGroupInFlight() {
    int group = ClaimGroups.sizeFor(Channel.EMAIL);
    List<Member> members = new ArrayList<>(numbered("mid", group + 3));
    members.set(1, Member.email("mid-01", "cancels-mid-01@example.com"));
    NotificationSpec spec = broadcast("mid", ChannelMode.ALL, Channel.EMAIL, members);

    ChannelCounts counts = activities.sendBatch(batch(spec, Channel.EMAIL, 0, group + 3, List.of()));

    assertThat(smtp.getReceivedMessages()).hasSize(group);
    assertThat(counts).isEqualTo(new ChannelCounts(Channel.EMAIL, group + 3, 0, group, 0, 0, 0, 3));
    assertThat(statuses(spec)).containsEntry("email/1", "SENT").containsEntry("email/" + (group - 1), "SENT")
        .containsEntry("email/" + group, "CANCELLED cancelled while sending");
  }

  @Test
  void eachOutcomeIsRecordedAsItHappensSoABatchEndedMidGroupSendsNothingTwice() {
    int group = ClaimGroups.sizeFor(Channel.EMAIL);
    int dying = group + group / 2;
    List<Member> members = new ArrayList<>(numbered("member", 2 * group + 1));
    members.set(dying, Member.email(key("member", dying), "dies-" + dying + "@example.com"));
    NotificationSpec spec = broadcast("dies", ChannelMode.ALL, Channel.EMAIL, members);
    BatchRequest batch = batch(spec, Channel.EMAIL, 0, members.size(), List.of());

    assertThatThrownBy(() -> activities.sendBatch(batch)).isInstanceOf(ActivityFailure.class);
    // the group of the member it ended at was claimed at once, but what was sent of it is recorded
    assertThat(statuses(spec)).containsEntry("email/" + group, "SENT").containsEntry("email/" + (dying - 1), "SENT")
        .containsEntry("email/" + dying, "PENDING").containsEntry("email/" + (dying + 1), "PENDING");
    ChannelCounts counts = activities.sendBatch(batch);

    assertThat(counts).isEqualTo(new ChannelCounts(Channel.EMAIL, members.size(), 0, members.size(), 0, 0, 0, 0));
    Map<String, Long> mailsPerMessageId = Arrays.stream(smtp.getReceivedMessages())
        .collect(Collectors.groupingBy(BroadcastBatchTest::messageId, Collectors.counting()));
    assertThat(mailsPerMessageId).hasSize(members.size());
    assertThat(mailsPerMessageId.values()).as("mails per Message-ID").containsOnly(1L);
  }

  @Test
  void aPermanentFailureIsRecordedAndTheBatchGoesOn() {
    NotificationSpec spec = broadcast("perm", ChannelMode.ALL, Channel.EMAIL, List.of(
        Member.email("perm-0", "perm-0@example.com"), Member.email("perm-1", "rejected-perm-1@example.com"),
        Member.email("perm-2", "perm-2@example.com")));

    ChannelCounts counts = activities.sendBatch(batch(spec, Channel.EMAIL, 0, 3, List.of()));

    assertThat(counts).isEqualTo(new ChannelCounts(Channel.EMAIL, 3, 0, 2, 0, 1, 0, 0));
    assertThat(statuses(spec)).containsEntry("email/1", "FAILED smtp-550 mailbox unknown");
    assertThat(recipientsOf(smtp.getReceivedMessages())).containsExactly("perm-0@example.com", "perm-2@example.com");
  }

  @Test
  void aTransientFailureStaysPendingAndTheBatchFailsRetryablyAfterSendingTheRest() {
    NotificationSpec spec = broadcast("busy", ChannelMode.ALL, Channel.EMAIL, List.of(
        Member.email("busy-0", "busy-0@example.com"), Member.email("busy-1", "later-busy-1@example.com"),
        Member.email("busy-2", "busy-2@example.com")));

    ActivityFailure failure = catchThrowableOfType(ActivityFailure.class,
        () -> activities.sendBatch(batch(spec, Channel.EMAIL, 0, 3, List.of())));

    ApplicationFailure cause = (ApplicationFailure) failure.getCause();
    assertThat(cause.getType()).isEqualTo("BATCH_INCOMPLETE");
    assertThat(cause.isNonRetryable()).isFalse();
    assertThat(cause.getOriginalMessage()).isEqualTo("1 of 3 deliveries will be retried: try again later");
    assertThat(cause.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(30));
    assertThat(statuses(spec)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "email/0", "SENT", "email/1", "PENDING smtp-451 try again later", "email/2", "SENT"));
    assertThat(recipientsOf(smtp.getReceivedMessages())).containsExactly("busy-0@example.com", "busy-2@example.com");
  }

  @Test
  void anUnexpectedFailureStaysPendingWithAnErrorInWordsAndIsRetried() {
    NotificationSpec spec = broadcast("odd", ChannelMode.ALL, Channel.EMAIL, List.of(
        Member.email("odd-0", "broken-odd-0@example.com"), Member.email("odd-1", "odd-1@example.com")));

    ActivityFailure failure = catchThrowableOfType(ActivityFailure.class,
        () -> activities.sendBatch(batch(spec, Channel.EMAIL, 0, 2, List.of())));

    assertThat(((ApplicationFailure) failure.getCause()).isNonRetryable()).isFalse();
    assertThat(statuses(spec)).containsExactlyInAnyOrderEntriesOf(Map.of("email/0",
        "PENDING unexpected-error an unexpected error in Herald's EMAIL channel (see the worker's log)", "email/1", "SENT"));
  }

  @Test
  void inFallbackAMemberAlreadyReachedOnAnEarlierChannelIsSkipped() {
    List<Member> members = IntStream.range(0, 3)
        .mapToObj(i -> new Member("fb-" + i, null, null, "fb-" + i + "@example.com", "+1555000030" + i)).toList();
    NotificationSpec spec = broadcast("fb", ChannelMode.FALLBACK, List.of(Channel.SMS, Channel.EMAIL), members);
    writes.recordOutcome(new DeliveryOutcome(AudienceRules.deliveryId(spec.id(), Channel.SMS, 1),
        DeliveryStatus.SENT, 1, "SM1", null, null));

    ChannelCounts counts = activities.sendBatch(batch(spec, Channel.EMAIL, 0, 3, List.of(Channel.SMS)));

    assertThat(counts).isEqualTo(new ChannelCounts(Channel.EMAIL, 3, 0, 2, 0, 0, 1, 0));
    assertThat(statuses(spec)).containsEntry("email/1", "SKIPPED fallback not needed: sent by SMS");
    assertThat(recipientsOf(smtp.getReceivedMessages())).containsExactly("fb-0@example.com", "fb-2@example.com");
  }

  @Test
  void aTemplateIsRenderedPerRecipientAndAMissingVariableFailsOnlyThatMember() {
    templates.create("welcome-batch", "ops", null);
    templates.addVersion("welcome-batch", new TemplateContent(ChannelParts.of(new EmailPart(null,
        "Welcome {{recipient.name}}", null, "Hello {{recipient.name}}, your code is {{recipient.attributes.code}}. {{sig}}")),
        null));
    NotificationSpec spec = broadcast("tpl", ChannelMode.ALL, Channel.EMAIL, List.of(
        new Member("tpl-0", "Ada", null, "tpl-0@example.com", null),
        new Member("tpl-1", "Bo", null, "tpl-1@example.com", null),
        new Member("tpl-2", "Cy", null, "tpl-2@example.com", null)));
    JdbcClient.create(template).sql("""
        update recipient set attributes = jsonb_build_object('code', upper(external_id))
        where external_id in ('tpl-0', 'tpl-2')""").update();
    TemplateRef ref = new TemplateRef("welcome-batch", 1, Map.of("sig", "- Herald"));
    BatchRequest batch = new BatchRequest(spec.id(), spec.sender(), Channel.EMAIL, 0, 3, null, ref, List.of(), null, null, null, false);

    ChannelCounts counts = activities.sendBatch(batch);

    assertThat(counts).isEqualTo(new ChannelCounts(Channel.EMAIL, 3, 0, 2, 0, 1, 0, 0));
    assertThat(Arrays.stream(smtp.getReceivedMessages()).map(m -> subject(m) + " / " + GreenMailUtil.getBody(m).trim()))
        .containsExactly("Welcome Ada / Hello Ada, your code is TPL-0. - Herald",
            "Welcome Cy / Hello Cy, your code is TPL-2. - Herald");
    assertThat(statuses(spec)).containsEntry("email/1",
        "FAILED template-missing-variable missing variable 'recipient.attributes.code' in email.text");
  }

  @Test
  void aListsBatchSendsToTheRequestsAddressesEachInItsMembersLocale() {
    templates.create("welcome-list", "ops", null);
    templates.addVersion("welcome-list", new TemplateContent(
        ChannelParts.of(new EmailPart(null, "Hello", null, "Hello from Herald")),
        Map.of("de", ChannelParts.of(new EmailPart(null, "Hallo", null, "Hallo von Herald")))));
    JdbcClient.create(template).sql("""
        insert into recipient (owner, external_id, locale, email, created_at, updated_at)
        values ('ops', 'list-member-2', 'de', 'stored-2@example.com', now(), now()),
               ('another-sender', 'list-member-2', 'fr', 'theirs@example.com', now(), now())""").update();
    NotificationSpec spec = list("locales", Channel.EMAIL, List.of(
        new Recipient("list-member-0", "list-0@example.com", null, null, "de-DE", null),
        new Recipient(null, "LIST-0@example.com", null, null, null, null),
        new Recipient("list-member-2", "list-2@example.com", null, null, null, null),
        new Recipient(null, "list-3@example.com", null, null, "en", null)), new TemplateRef("welcome-list", 1, Map.of()));
    BatchRequest batch = new BatchRequest(spec.id(), spec.sender(), Channel.EMAIL, 0, 4, null, spec.template(),
        List.of(), null, null, null, false);

    ChannelCounts counts = activities.sendBatch(batch);

    assertThat(counts).isEqualTo(new ChannelCounts(Channel.EMAIL, 3, 0, 3, 0, 0, 0, 0));
    assertThat(Arrays.stream(smtp.getReceivedMessages()).map(m -> to(m) + " " + subject(m)))
        .as("the request's locale, else the sender's stored recipient's (not another sender's of the same id)")
        .containsExactly("list-0@example.com Hallo", "list-2@example.com Hallo", "list-3@example.com Hello");
    assertThat(statuses(spec)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "email/0", "SENT", "email/2", "SENT", "email/3", "SENT"));
  }

  @Test
  void aListsPushBatchSendsEachMemberWithItsIdPushTokenAndLocale() {
    RecordingAdapter push = new RecordingAdapter(Channel.PUSH);
    NotificationSpec spec = list("push", Channel.PUSH, List.of(
        new Recipient("push-member-0", null, null, null, "ko-KR", null),
        new Recipient(null, null, null, "token-1", "en-GB", null),
        new Recipient(null, null, null, "token-1", null, null),
        new Recipient("push-member-3", null, null, "token-3", null, null)), null);

    ChannelCounts counts = sendBatchThrough(push, batch(spec, Channel.PUSH, 0, 4, List.of()));

    assertThat(counts).isEqualTo(new ChannelCounts(Channel.PUSH, 3, 0, 3, 0, 0, 0, 0));
    assertThat(push.sent).extracting(OutgoingMessage::deliveryId, OutgoingMessage::address, OutgoingMessage::recipient)
        .containsExactly(
            tuple(spec.id() + "/push/0", "push-member-0",
                new Recipient("push-member-0", null, null, null, "ko-KR", null)),
            tuple(spec.id() + "/push/1", "token-1",
                new Recipient(null, null, null, "token-1", "en-GB", null)),
            tuple(spec.id() + "/push/3", "push-member-3",
                new Recipient("push-member-3", null, null, "token-3", null, null)));
  }

  @Test
  void membersWhoOptedOutAreSkippedWithTheScopeThatDecidedIt() {
    NotificationSpec spec = withCategory(broadcast("prefs", ChannelMode.ALL, Channel.EMAIL, emails("prefs", 5)), "marketing");
    preferences.set("ops", "prefs-1", new Scope("marketing", null), true, "api");
    preferences.set("ops", "prefs-2", new Scope(null, Channel.SMS), true, "api");
    preferences.set("ops", "prefs-3", new Scope(null, Channel.EMAIL), true, "api");
    preferences.set("ops", "prefs-3", new Scope("marketing", Channel.EMAIL), false, "api");
    preferences.set("other-sender", "prefs-4", Scope.EVERYTHING, true, "api");
    suppressions.add(Channel.EMAIL, "PREFS-0@example.com", "ops", null, "one-click");

    ChannelCounts counts = activities.sendBatch(batch(spec, Channel.EMAIL, 0, 5, List.of()));

    assertThat(counts).isEqualTo(new ChannelCounts(Channel.EMAIL, 5, 0, 3, 0, 0, 2, 0));
    assertThat(statuses(spec))
        .containsEntry("email/0", "SKIPPED opted-out:address the address is suppressed on EMAIL (one-click)")
        .containsEntry("email/1", "SKIPPED opted-out:category=marketing the recipient opted out of marketing on every channel (api)")
        .containsEntry("email/2", "SENT").containsEntry("email/3", "SENT").containsEntry("email/4", "SENT");
  }

  @Test
  void anOptOutThatArrivesDuringTheBatchIsHonouredFromTheNextClaimGroupOn() {
    int group = ClaimGroups.sizeFor(Channel.EMAIL);
    List<Member> members = new ArrayList<>(numbered("during", group + 2));
    String later = key("during", group + 1);
    members.set(1, Member.email(key("during", 1), "optout-" + later + "@example.com"));
    NotificationSpec spec = broadcast("during", ChannelMode.ALL, Channel.EMAIL, members);

    ChannelCounts counts = activities.sendBatch(batch(spec, Channel.EMAIL, 0, group + 2, List.of()));

    assertThat(counts).isEqualTo(new ChannelCounts(Channel.EMAIL, group + 2, 0, group + 1, 0, 0, 1, 0));
    assertThat(statuses(spec)).containsEntry("email/" + (group + 1),
        "SKIPPED opted-out:channel=email the recipient opted out of every EMAIL message (recipient)");
  }

  @Test
  void sendsOverAFrequencyCapAreSkippedAndAFailedSendGivesItsPlaceBack() {
    List<String> statuses = new ArrayList<>();
    for (String round : List.of("a", "b", "c", "d")) {
      String address = round.equals("b") ? "rejected-capped@example.com" : "capped@example.com";
      NotificationSpec spec = withCategory(list("cap-" + round, Channel.EMAIL,
          List.of(new Recipient("capped-member", address, null, null, null, null)), null), "digest-news");
      activities.sendBatch(batch(spec, Channel.EMAIL, 0, 1, List.of()));
      statuses.add(statuses(spec).get("email/0"));
    }

    assertThat(statuses).containsExactly("SENT", "FAILED smtp-550 mailbox unknown", "SENT",
        "SKIPPED frequency-capped the recipient had 2 digest-news messages on EMAIL within 24h already");
  }

  @Test
  void aMemberInItsQuietHoursInItsOwnZoneIsHeldBackPendingWithTheTimeItMayGo() {
    NotificationSpec spec = broadcast("quiet", ChannelMode.ALL, Channel.EMAIL, emails("quiet", 3));
    java.time.LocalTime now = java.time.LocalTime.now(java.time.ZoneOffset.UTC);
    preferences.setQuietHours("ops", "quiet-1",
        new QuietHoursSetting(now.minusHours(1), now.plusHours(2).withNano(0).withSecond(0), "Pacific/Kiritimati"));
    preferences.setQuietHours("ops", "quiet-2", new QuietHoursSetting(now.minusHours(1), now.plusHours(1), "UTC"));
    BatchRequest batch = batch(spec, Channel.EMAIL, 0, 3, List.of());

    BatchOutcome outcome = activities.sendBatchAfterQuietHours(batch);

    assertThat(outcome.deferred()).isEqualTo(1);
    assertThat(outcome.counts()).isEqualTo(new ChannelCounts(Channel.EMAIL, 3, 1, 2, 0, 0, 0, 0));
    assertThat(statuses(spec).get("email/2")).startsWith("PENDING quiet-hours quiet hours: held until ");
    QuietWait wait = log.quietWait(spec.id(), 2);
    assertThat(wait.deliveries()).isEqualTo(1);
    assertThat(wait.batches()).containsExactly(1);
    assertThat(wait.earliest()).isAfter(Instant.now().plus(Duration.ofMinutes(59)));
    // the method of workflows from before quiet hours holds no one back
    assertThat(activities.sendBatch(batch).sent()).isEqualTo(3);
    assertThat(log.quietWait(spec.id(), 2)).isEqualTo(QuietWait.NONE);
  }

  @Test
  void aHighPrioritySendPassesQuietHoursOnlyWhereItsTemplateVersionLetsIt() {
    templates.create("quiet-high", "ops", null);
    templates.addVersion("quiet-high", new TemplateContent(ChannelParts.of(new EmailPart(null, "Alert", null, "Now")),
        null, new TemplateSettings(null, null, true)));
    templates.addVersion("quiet-high", new TemplateContent(ChannelParts.of(new EmailPart(null, "Alert", null, "Now")),
        null));
    java.time.LocalTime now = java.time.LocalTime.now(java.time.ZoneOffset.UTC);
    preferences.setQuietHours("ops", "quiet-high-0", new QuietHoursSetting(now.minusHours(1), now.plusHours(1), "UTC"));
    List<Recipient> member = List.of(new Recipient("quiet-high-0", "quiet-high-0@example.com", null, null, null, null));
    NotificationSpec allowed = list("quiet-high-1", Channel.EMAIL, member, new TemplateRef("quiet-high", 1, Map.of()));
    NotificationSpec notAllowed = list("quiet-high-2", Channel.EMAIL, member, new TemplateRef("quiet-high", 2, Map.of()));
    NotificationSpec notHigh = list("quiet-high-3", Channel.EMAIL, member, new TemplateRef("quiet-high", 1, Map.of()));

    BatchOutcome passes = activities.sendBatchAfterQuietHours(new BatchRequest(allowed.id(), "ops", Channel.EMAIL, 0, 1,
        null, allowed.template(), List.of(), null, Priority.HIGH, Instant.now(), false));
    BatchOutcome normal = activities.sendBatchAfterQuietHours(new BatchRequest(notHigh.id(), "ops", Channel.EMAIL, 0, 1,
        null, notHigh.template(), List.of(), null, Priority.NORMAL, Instant.now(), false));
    BatchOutcome held = activities.sendBatchAfterQuietHours(new BatchRequest(notAllowed.id(), "ops", Channel.EMAIL, 0, 1,
        null, notAllowed.template(), List.of(), null, Priority.HIGH, Instant.now(), false));

    assertThat(passes.deferred()).isZero();
    assertThat(passes.counts().sent()).isEqualTo(1);
    assertThat(normal.deferred()).as("NORMAL waits, whatever the template").isEqualTo(1);
    assertThat(held.deferred()).isEqualTo(1);
  }

  @Test
  void everyEmailCarriesItsRecipientsOneClickLinkWhichItsTemplateMayShowToo() throws Exception {
    templates.create("links-batch", "ops", null);
    templates.addVersion("links-batch", new TemplateContent(ChannelParts.of(new EmailPart(null, "News", null,
        "Unsubscribe: {{preferencesUrl}}")), null));
    NotificationSpec spec = list("links", Channel.EMAIL, List.of(
        new Recipient("links-member-0", "links-0@example.com", null, null, null, null),
        new Recipient(null, "links-1@example.com", null, null, null, null)), new TemplateRef("links-batch", 1, Map.of()));

    activities.sendBatch(new BatchRequest(spec.id(), spec.sender(), Channel.EMAIL, 0, 2, null, spec.template(),
        List.of(), "news", null, null, false));

    List<PreferenceLink> linked = new ArrayList<>();
    for (MimeMessage mail : smtp.getReceivedMessages()) {
      String header = mail.getHeader("List-Unsubscribe", ",");
      assertThat(header).matches("<https://herald\\.example\\.com/unsubscribe/[A-Za-z0-9_.-]+>");
      assertThat(mail.getHeader("List-Unsubscribe-Post", ",")).isEqualTo("List-Unsubscribe=One-Click");
      String url = header.substring(1, header.length() - 1);
      assertThat(GreenMailUtil.getBody(mail).trim()).isEqualTo("Unsubscribe: " + url);
      linked.add(links.verify(url.substring(url.lastIndexOf('/') + 1)).orElseThrow());
    }
    assertThat(linked).containsExactly(
        new PreferenceLink("ops", Channel.EMAIL, "links-member-0", null, "news", null),
        new PreferenceLink("ops", Channel.EMAIL, null, "links-1@example.com", "news", null));
  }

  @Test
  void pushesAndInAppItemsCarryThePreferenceLinkOnlyWhereTheirTemplateAsksForIt() {
    templates.create("links-push", "ops", null);
    templates.addVersion("links-push", new TemplateContent(
        ChannelParts.of(new PushPart("Sale", "Half price", null, null, null)), null, new TemplateSettings("deals", true, null)));
    templates.addVersion("links-push", new TemplateContent(
        ChannelParts.of(new PushPart("Sale", "Half price", null, null, null)), null));
    RecordingAdapter push = new RecordingAdapter(Channel.PUSH);
    List<Recipient> member = List.of(new Recipient("links-push-0", null, null, "token-0", null, null));
    NotificationSpec asks = list("links-push-1", Channel.PUSH, member, new TemplateRef("links-push", 1, Map.of()));
    NotificationSpec silent = list("links-push-2", Channel.PUSH, member, new TemplateRef("links-push", 2, Map.of()));

    sendBatchThrough(push, new BatchRequest(asks.id(), "ops", Channel.PUSH, 0, 1, null, asks.template(), List.of(), "deals",
        null, null, false));
    sendBatchThrough(push, new BatchRequest(silent.id(), "ops", Channel.PUSH, 0, 1, null, silent.template(), List.of(),
        "deals", null, null, false));

    String url = push.sent.get(0).preferencesUrl();
    assertThat(url).startsWith("https://herald.example.com/unsubscribe/");
    assertThat(links.verify(url.substring(url.lastIndexOf('/') + 1)))
        .contains(new PreferenceLink("ops", Channel.PUSH, "links-push-0", null, "deals", null));
    assertThat(push.sent.get(1).preferencesUrl()).isNull();
    assertThat(push.sent).extracting(OutgoingMessage::category).containsExactly("deals", "deals");
  }

  @Test
  void deliveriesFailedForGoodBecomeOpenDeadLettersWithEveryAttempt() {
    NotificationSpec spec = broadcast("dead", ChannelMode.ALL, Channel.EMAIL, List.of(
        Member.email("dead-0", "rejected-dead-0@example.com"), Member.email("dead-1", "later-dead-1@example.com")));
    BatchRequest batch = batch(spec, Channel.EMAIL, 0, 2, List.of());

    ActivityFailure failure = catchThrowableOfType(ActivityFailure.class, () -> activities.sendBatch(batch));
    log.failBatch(batch, ((ApplicationFailure) failure.getCause()).getDetails().get(DeliveryError.class));

    List<DeadLetter> letters = deadLetters.page(new DeadLetterFilter(null, null, null, null, "ops", null, null), 10, 0)
        .stream().filter(letter -> spec.id().equals(letter.notificationId())).toList();
    assertThat(letters).extracting(DeadLetter::deliveryId, DeadLetter::status, DeadLetter::errorCode)
        .containsExactlyInAnyOrder(tuple(spec.id() + "/email/0", DeadLetterStatus.OPEN, "smtp-550"),
            tuple(spec.id() + "/email/1", DeadLetterStatus.OPEN, "smtp-451"));
    assertThat(deadLetters.attempts(spec.id() + "/email/0")).extracting(DeliveryAttempt::errorCode)
        .containsExactly("smtp-550");
    assertThat(deadLetters.attempts(spec.id() + "/email/1"))
        .extracting(DeliveryAttempt::errorType, DeliveryAttempt::errorCode)
        .containsExactly(tuple(DeliveryErrorType.PROVIDER_UNAVAILABLE, "smtp-451"));
  }

  @Test
  void aRedriveSendsAFailedDeliveryOnceAndNeverOneTheProviderAccepted() {
    NotificationSpec spec = broadcast("redrive", ChannelMode.ALL, Channel.EMAIL, List.of(
        Member.email("redrive-0", "down-redrive-0@example.com"), Member.email("redrive-1", "down-redrive-1@example.com")));
    BatchRequest batch = batch(spec, Channel.EMAIL, 0, 2, List.of());
    providerDown.set(true);
    catchThrowableOfType(ActivityFailure.class, () -> activities.sendBatch(batch));
    log.failBatch(batch, new DeliveryError(DeliveryErrorType.PROVIDER_UNAVAILABLE, null, "timed out", 0));
    providerDown.set(false);
    // the provider accepted the second after all: its receipt came with the message id
    log.recordReceipt(new DeliveryReceipt(spec.id() + "/email/1", "accepted-1", DeliveryStatus.DELIVERED, "delivered", null));
    long first = idOf(spec.id() + "/email/0");
    long second = idOf(spec.id() + "/email/1");

    assertThat(deadLetters.claimForRedrive(first)).isTrue();
    BatchRequest redrive = redrives.reopenDeadLetter(spec.id() + "/email/0");
    activities.sendBatch(redrive);
    RedriveOutcome sent = redrives.settleDeadLetter(spec.id() + "/email/0");
    assertThat(deadLetters.claimForRedrive(second)).isTrue();
    BatchRequest none = redrives.reopenDeadLetter(spec.id() + "/email/1");
    RedriveOutcome accepted = redrives.settleDeadLetter(spec.id() + "/email/1");

    assertThat(sent.delivery()).isEqualTo(DeliveryStatus.SENT);
    assertThat(sent.deadLetter()).isEqualTo(DeadLetterStatus.REDRIVEN);
    assertThat(none).isNull();
    assertThat(accepted.deadLetter()).isEqualTo(DeadLetterStatus.REDRIVEN);
    assertThat(accepted.detail()).contains("accepted-1");
    assertThat(recipientsOf(smtp.getReceivedMessages())).containsExactly("down-redrive-0@example.com");
    assertThat(redrives.reopenDeadLetter(spec.id() + "/email/0")).as("a re-drive again").isNull();
    assertThat(deadLetters.claimForRedrive(first)).isFalse();
    assertThat(deadLetters.attempts(spec.id() + "/email/0")).extracting(DeliveryAttempt::errorCode)
        .containsExactly("smtp-451", "PROVIDER_UNAVAILABLE");
  }

  @Test
  void aNotificationByKeyIsLoggedSentAndRedrivenFromWhatTheDoorKept() {
    templates.create("by-key-batch", "ops", null);
    templates.addVersion("by-key-batch", new TemplateContent(ChannelParts.of(new EmailPart(null,
        "For {{recipient.name}}", null, "Hello {{recipient.name}}, {{news}}")), null));
    GroupFixtures.group(JdbcClient.create(template), "ops", "group-by-key", List.of(
        new Member("by-key-0", "Ada", null, "by-key-0@example.com", null),
        new Member("by-key-1", "Bo", null, "down-by-key-1@example.com", null)));
    NotificationSpec asked = new NotificationSpec(NotificationIds.of("ops", "batch-by-key"), "batch-by-key", "ops",
        List.of(Channel.EMAIL), List.of(), null, Priority.NORMAL, null, new ApprovalPolicy(1_000_000, Duration.ofHours(1)),
        Instant.now(), "hash-by-key", ChannelMode.ALL, null, new TemplateRef("by-key-batch", 1, Map.of("news", "we moved")),
        "group-by-key", null, null, null);
    NotificationSpec spec = contents.keep(asked);
    assertThat(spec.template().variables()).as("the input carries the key, not the variables").isNull();
    assertThat(contents.keep(asked)).as("a repeat keeps nothing new").isEqualTo(spec);
    log.recordAudience(spec, NotificationStatus.ACCEPTED);
    BatchRequest batch = new BatchRequest(spec.id(), spec.sender(), Channel.EMAIL, 0, 2, null, spec.template(),
        List.of(), null, null, null, false, spec.contentKey());

    providerDown.set(true);
    catchThrowableOfType(ActivityFailure.class, () -> activities.sendBatch(batch));
    log.failBatch(batch, new DeliveryError(DeliveryErrorType.PROVIDER_UNAVAILABLE, null, "timed out", 0));
    providerDown.set(false);
    deadLetters.claimForRedrive(idOf(spec.id() + "/email/1"));
    BatchRequest redrive = redrives.reopenDeadLetter(spec.id() + "/email/1");
    activities.sendBatch(redrive);

    assertThat(redrive.content()).isNull();
    assertThat(redrive.contentKey()).isEqualTo(spec.contentKey());
    assertThat(Arrays.stream(smtp.getReceivedMessages()).map(m -> subject(m) + " / " + GreenMailUtil.getBody(m).trim()))
        .containsExactly("For Ada / Hello Ada, we moved", "For Bo / Hello Bo, we moved");
  }

  @Test
  void whatTheDoorKeptForANotificationNeverLoggedIsSweptAndALoggedOnesStays() {
    NotificationSpec logged = contents.keep(list("swept-logged", Channel.EMAIL, List.of(Recipient.ofEmail("a@example.com")),
        null));
    NotificationSpec unlogged = contents.keep(new NotificationSpec(NotificationIds.of("ops", "never-logged"),
        "never-logged", "ops", List.of(Channel.EMAIL), List.of(Recipient.ofEmail("b@example.com")),
        new Content("Lost", "Its start failed"), Priority.NORMAL, null, new ApprovalPolicy(1_000_000, Duration.ofHours(1)),
        Instant.now(), "hash-never-logged", ChannelMode.ALL, null, null, null, null, null, null));

    contents.sweepUnlogged(Instant.now().plusSeconds(1));

    assertThat(contents.find(unlogged.id(), unlogged.contentKey())).isEmpty();
    assertThat(contents.find(logged.id(), logged.contentKey())).hasValueSatisfying(kept ->
        assertThat(kept.content()).isEqualTo(new Content("News", "Hello you")));
  }

  @Test
  void aBatchWhoseContentIsNoLongerKeptFailsForGood() {
    NotificationSpec spec = broadcast("content-gone", ChannelMode.ALL, Channel.EMAIL, emails("content-gone", 1));
    BatchRequest batch = new BatchRequest(spec.id(), spec.sender(), Channel.EMAIL, 0, 1, null, null, List.of(), null,
        null, null, false, "never-kept");

    ActivityFailure failure = catchThrowableOfType(ActivityFailure.class, () -> activities.sendBatch(batch));

    assertThat(((ApplicationFailure) failure.getCause()).isNonRetryable()).isTrue();
    assertThat(failure.getCause().getMessage()).contains(NotificationContents.CONTENT_MISSING);
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void aRedriveChecksTheRecipientsOptOutsAgain() {
    NotificationSpec spec = broadcast("optedlater", ChannelMode.ALL, Channel.EMAIL,
        List.of(Member.email("optedlater-0", "down-optedlater-0@example.com")));
    BatchRequest batch = batch(spec, Channel.EMAIL, 0, 1, List.of());
    providerDown.set(true);
    catchThrowableOfType(ActivityFailure.class, () -> activities.sendBatch(batch));
    log.failBatch(batch, new DeliveryError(DeliveryErrorType.PROVIDER_UNAVAILABLE, null, "timed out", 0));
    providerDown.set(false);
    preferences.set("ops", "optedlater-0", new Scope(null, Channel.EMAIL), true, "recipient");

    deadLetters.claimForRedrive(idOf(spec.id() + "/email/0"));
    activities.sendBatch(redrives.reopenDeadLetter(spec.id() + "/email/0"));
    RedriveOutcome outcome = redrives.settleDeadLetter(spec.id() + "/email/0");

    assertThat(outcome.delivery()).isEqualTo(DeliveryStatus.SKIPPED);
    assertThat(outcome.deadLetter()).isEqualTo(DeadLetterStatus.REDRIVEN);
    assertThat(outcome.detail()).startsWith("skipped: opted-out");
    assertThat(recipientsOf(smtp.getReceivedMessages())).isEmpty();
  }

  private long idOf(String deliveryId) {
    return deadLetters.page(new DeadLetterFilter(null, null, null, null, "ops", null, null), 100, 0).stream()
        .filter(letter -> deliveryId.equals(letter.deliveryId())).findFirst().orElseThrow().id();
  }

  // --- fixtures

  private NotificationSpec broadcast(String key, ChannelMode mode, Channel channel, List<Member> members) {
    return broadcast(key, mode, List.of(channel), members);
  }

  private NotificationSpec broadcast(String key, ChannelMode mode, List<Channel> channels, List<Member> members) {
    GroupFixtures.group(JdbcClient.create(template), "ops", "group-" + key, members);
    NotificationSpec spec = new NotificationSpec(NotificationIds.of("ops", "batch-" + key), "batch-" + key,
        "ops", channels, List.of(), new Content("News", "Hello all"), Priority.NORMAL, null,
        new ApprovalPolicy(1_000_000, Duration.ofHours(1)), Instant.now(), "hash", mode, null, null, "group-" + key,
        null, null, null);
    log.recordAudience(spec, NotificationStatus.ACCEPTED);
    return spec;
  }

  /** A notification to the request's {@code recipients}, its audience recorded. */
  private NotificationSpec list(String key, Channel channel, List<Recipient> recipients, TemplateRef template) {
    NotificationSpec spec = new NotificationSpec(NotificationIds.of("ops", "list-" + key), "list-" + key,
        "ops", List.of(channel), recipients, template == null ? new Content("News", "Hello you") : null,
        Priority.NORMAL, null, new ApprovalPolicy(1_000_000, Duration.ofHours(1)), Instant.now(), "hash",
        ChannelMode.ALL, null, template, null, null, null, null);
    log.recordAudience(spec, NotificationStatus.ACCEPTED);
    return spec;
  }

  @Test
  void aBroadcastBatchGivesWayBetweenMembersWhileASingleSendOfItsPriorityRuns() {
    NotificationSpec spec = broadcast("gives-way", ChannelMode.ALL, Channel.EMAIL, emails("gives-way", 10));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Precedence precedence = new Precedence(new PrecedenceProperties(true, Duration.ofHours(1), Duration.ofMillis(1),
        Duration.ofMillis(1), Duration.ofSeconds(1)), registry);
    ChannelActivitiesFactory giving = new ChannelActivitiesFactory(store, writer, renderer, gate, links, attachments,
        attachmentLinks, sendMeters, precedence);
    precedence.seen(Work.of(Priority.LOW, 1));

    sendBatchThrough(giving, new EmailChannel(smtpSender, links), batch(spec, Channel.EMAIL, 0, 5, List.of()));
    assertThat(registry.get(HeraldMeters.PRECEDENCE_PAUSES).tag(HeraldMeters.KIND, "member").counter().count())
        .as("a LOW send does not hold up a NORMAL broadcast").isZero();

    precedence.seen(Work.of(Priority.NORMAL, 1));
    ChannelCounts counts = sendBatchThrough(giving, new EmailChannel(smtpSender, links),
        batch(spec, Channel.EMAIL, 5, 10, List.of()));

    assertThat(registry.get(HeraldMeters.PRECEDENCE_PAUSES).tag(HeraldMeters.KIND, "member").counter().count())
        .as("one pause before each member").isEqualTo(5);
    assertThat(counts.sent()).as("giving way slows a broadcast, it does not stop it").isEqualTo(5);
  }

  @Test
  void eachEmailCarriesTheNotificationsAttachmentsInOrderWithTheirBytes() throws Exception {
    byte[] report = pdf(300_000);
    Attachment pdf = attachments.upload("ops", "report.pdf", "application/pdf", new ByteArrayInputStream(report));
    Attachment csv = attachments.upload("ops", "rows.csv", "text/csv",
        new ByteArrayInputStream("id,name\n1,Ada\n".getBytes(StandardCharsets.UTF_8)));
    NotificationSpec spec = broadcast("attached", ChannelMode.ALL, Channel.EMAIL, emails("attached", 2));
    attachments.reference(List.of(pdf.id(), csv.id()), spec.id());

    ChannelCounts counts = activities.sendBatch(batch(spec, Channel.EMAIL, 0, 2, List.of()));

    assertThat(counts.sent()).isEqualTo(2);
    for (MimeMessage mail : smtp.getReceivedMessages()) {
      assertThat(mail.getContentType()).startsWith("multipart/mixed");
      MimeMultipart parts = (MimeMultipart) mail.getContent();
      assertThat(parts.getCount()).isEqualTo(3);
      assertThat(parts.getBodyPart(0).getContent().toString().strip()).isEqualTo("Hello all");
      assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("report.pdf");
      assertThat(parts.getBodyPart(1).getContentType()).startsWith("application/pdf");
      assertThat(parts.getBodyPart(1).getDisposition()).isEqualToIgnoringCase(Part.ATTACHMENT);
      assertThat(sha256(parts.getBodyPart(1).getInputStream())).isEqualTo(pdf.sha256());
      assertThat(parts.getBodyPart(2).getFileName()).isEqualTo("rows.csv");
      assertThat(parts.getBodyPart(2).getContentType()).startsWith("text/csv");
      assertThat(sha256(parts.getBodyPart(2).getInputStream())).isEqualTo(csv.sha256());
    }
  }

  @Test
  void anAttachmentGoneBeforeItsSendFailsTheDeliveryForGood() throws Exception {
    Attachment pdf = attachments.upload("ops", "gone.pdf", "application/pdf", new ByteArrayInputStream(pdf(1_000)));
    NotificationSpec spec = broadcast("gone", ChannelMode.ALL, Channel.EMAIL, emails("gone", 1));
    attachments.reference(List.of(pdf.id()), spec.id());
    JdbcClient.create(template).sql("update attachment set status = 'EXPIRED' where id = :id").param("id", pdf.id())
        .update();

    ChannelCounts counts = activities.sendBatch(batch(spec, Channel.EMAIL, 0, 1, List.of()));

    assertThat(counts.failed()).isEqualTo(1);
    assertThat(statuses(spec).get("email/0")).startsWith("FAILED attachment-gone");
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void aFinishedNotificationsAttachmentsAreReleasedOnceNothingCanRedriveIt() throws Exception {
    Attachment pdf = attachments.upload("ops", "kept.pdf", "application/pdf", new ByteArrayInputStream(pdf(1_000)));
    NotificationSpec spec = broadcast("release", ChannelMode.ALL, Channel.EMAIL, List.of(
        Member.email("release-0", "rejected-release-0@example.com")));
    attachments.reference(List.of(pdf.id()), spec.id());
    activities.sendBatch(batch(spec, Channel.EMAIL, 0, 1, List.of()));
    log.recordStatus(spec.id(), NotificationStatus.FAILED, "failed");

    attachments.sweepExpired();
    assertThat(attachments.find(pdf.id()).orElseThrow().expiresAt()).as("an open dead letter may re-drive it").isNull();
    DeadLetter letter = deadLetters.page(new DeadLetterFilter(null, null, null, null, "ops", null, null), 100, 0)
        .stream().filter(l -> spec.id().equals(l.notificationId())).findFirst().orElseThrow();
    assertThat(deadLetters.discard(letter.id())).isTrue();
    attachments.sweepExpired();

    assertThat(attachments.find(pdf.id()).orElseThrow().expiresAt()).as("released: it expires").isNotNull();
    assertThat(attachments.ofNotification(spec.id())).as("still what it carried").hasSize(1);
  }

  /** A PDF's signature, then {@code size} bytes of every value. */
  private static byte[] pdf(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 31);
    }
    byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, bytes, 0, head.length);
    return bytes;
  }

  private static String sha256(InputStream in) throws Exception {
    try (in) {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
    }
  }

  /** Runs one batch through {@code adapter}'s channel activities, in an environment of its own. */
  private ChannelCounts sendBatchThrough(ChannelAdapter adapter, BatchRequest batch) {
    return sendBatchThrough(channels, adapter, batch);
  }

  private ChannelCounts sendBatchThrough(ChannelActivitiesFactory factory, ChannelAdapter adapter, BatchRequest batch) {
    TestActivityEnvironment own = TestActivityEnvironment.newInstance();
    try {
      own.registerActivitiesImplementations(factory.forAdapter(adapter));
      return own.newActivityStub(ChannelActivities.class, ONE_ATTEMPT).sendBatch(batch);
    } finally {
      own.close();
    }
  }

  private static BatchRequest batch(NotificationSpec spec, Channel channel, int from, int to, List<Channel> reachedBy) {
    return new BatchRequest(spec.id(), spec.sender(), channel, from, to, spec.content(), null, reachedBy,
        spec.category(), null, null, false);
  }

  /** The spec as if accepted with a category (its batches carry it; the log's row is not needed). */
  private static NotificationSpec withCategory(NotificationSpec spec, String category) {
    return new NotificationSpec(spec.id(), spec.idempotencyKey(), spec.sender(), spec.channels(), spec.recipients(),
        spec.content(), spec.priority(), spec.sendAt(), spec.approval(), spec.acceptedAt(), spec.requestHash(),
        spec.channelMode(), spec.receiptWindow(), spec.template(), spec.group(), null, category, null);
  }

  private static List<Member> emails(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> Member.email(prefix + "-" + i, prefix + "-" + i + "@example.com"))
        .toList();
  }

  /** Members numbered so that their order (by id) is their number's: {@code mid-00}, {@code mid-01}, ... */
  private static List<Member> numbered(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> Member.email(key(prefix, i), key(prefix, i) + "@example.com")).toList();
  }

  private static String key(String prefix, int number) {
    return String.format("%s-%02d", prefix, number);
  }

  /**
   * Addresses starting {@code rejected-} are refused for good (550), {@code later-} for now (451, retry in
   * 30 s); sending to {@code cancels-} cancels the broadcast (releases its pending deliveries) meanwhile;
   * the first send to {@code dies-} ends the batch attempt as a dying worker would: without a word more;
   * {@code broken-} fails as a bug would (an exception no adapter classified); sending to {@code optout-<id>@}
   * opts member {@code <id>} out of email meanwhile; {@code down-} fails for now while the provider is down.
   */
  private EmailSender scripted(EmailSender smtp) {
    return message -> {
      if (message.to().startsWith("dies-") && dead.compareAndSet(false, true)) {
        throw new WorkerDied();
      }
      if (message.to().startsWith("cancels-")) {
        log.releasePending(message.notificationId(), "cancelled while sending");
        return smtp.send(message);
      }
      if (message.to().startsWith("optout-")) {
        String member = message.to().substring("optout-".length(), message.to().indexOf('@'));
        preferences.set("ops", member, new Scope(null, Channel.EMAIL), true, "recipient");
      }
      if (message.to().startsWith("rejected-")) {
        throw new ProviderSendException(DeliveryErrorType.INVALID_ADDRESS, "smtp-550", "mailbox unknown", null);
      }
      if (message.to().startsWith("broken-")) {
        throw new IllegalStateException("a bug inside Herald");
      }
      if (message.to().startsWith("down-") && providerDown.get()) {
        throw new ProviderSendException(DeliveryErrorType.PROVIDER_UNAVAILABLE, "smtp-451", "down", null, null);
      }
      if (message.to().startsWith("later-")) {
        throw new ProviderSendException(DeliveryErrorType.PROVIDER_UNAVAILABLE, "smtp-451", "try again later",
            Duration.ofSeconds(30), null);
      }
      return smtp.send(message);
    };
  }

  private Map<String, String> statuses(NotificationSpec spec) {
    return JdbcClient.create(template).sql("""
            select substr(id, length(:id) + 2) as key,
                   status || coalesce(' ' || error_code, '') || coalesce(' ' || last_error, '') as value
            from delivery where notification_id = :id""")
        .param("id", spec.id())
        .query((row, n) -> Map.entry(row.getString("key"), row.getString("value"))).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static List<String> recipientsOf(MimeMessage[] messages) {
    return Arrays.stream(messages).map(BroadcastBatchTest::to).toList();
  }

  private static String to(MimeMessage message) {
    try {
      return message.getRecipients(Message.RecipientType.TO)[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An adapter that accepts every message and keeps it. */
  private static final class RecordingAdapter implements ChannelAdapter {

    private final Channel channel;
    private final List<OutgoingMessage> sent = new CopyOnWriteArrayList<>();

    RecordingAdapter(Channel channel) {
      this.channel = channel;
    }

    @Override
    public Channel channel() {
      return channel;
    }

    @Override
    public ProviderReceipt send(OutgoingMessage message, int attempt) {
      sent.add(message);
      return new ProviderReceipt("recorded-" + sent.size(), attempt);
    }
  }

  /** Stands for the worker process dying: not a provider failure, nothing is recorded after it. */
  private static final class WorkerDied extends Error {}

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
