package dev.herald.activities.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase.Replace.NONE;

import dev.herald.activities.MovableClock;
import dev.herald.activities.blob.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attachments on a real PostgreSQL and the directory store: an upload streamed through the limit, the
 * digest and the type check; the rule that a running notification's attachment stays; the expiry of
 * unreferenced uploads. Committed, not rolled back: the service's own transactions are what is tested.
 */
@DataJdbcTest(properties = {"herald.attachments.max-size=64KB", "herald.attachments.unreferenced-ttl=1h",
    "herald.blobs.directory=${java.io.tmpdir}/attachments-test-blobs"})
@AutoConfigureTestDatabase(replace = NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class AttachmentsTest {

  /** The signature and header chunk of a PNG: what makes bytes an image/png to a sniffer. */
  static final byte[] PNG = HexFormat.of().parseHex("89504e470d0a1a0a0000000d494844520000000100000001080600000"
      + "01f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082");
  static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @Autowired Attachments attachments;
  @Autowired BlobStore blobs;
  @Autowired JdbcTemplate jdbc;
  @Autowired MovableClock clock;

  @Test
  void anUploadIsStoredWithItsSniffedTypeSizeAndSha256AndExpiresUnlessReferenced() throws Exception {
    Instant now = clock.instant();

    Attachment uploaded = attachments.upload("shop", "C:\\Users\\ada\\logo.png", "image/png", in(PNG));

    assertThat(uploaded.sender()).isEqualTo("shop");
    assertThat(uploaded.filename()).isEqualTo("logo.png");
    assertThat(uploaded.contentType()).isEqualTo("image/png");
    assertThat(uploaded.size()).isEqualTo(PNG.length);
    assertThat(uploaded.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PNG)));
    assertThat(uploaded.status()).isEqualTo(AttachmentStatus.STORED);
    assertThat(uploaded.expiresAt()).isEqualTo(now.plus(Duration.ofHours(1)));
    try (AttachmentContent content = attachments.open(uploaded.id()).orElseThrow()) {
      assertThat(content.content().readAllBytes()).isEqualTo(PNG);
    }
  }

  @Test
  void anUploadOverTheLimitLeavesNeitherRowNorBytes() {
    byte[] text = "a line of text\n".repeat(5000).getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> attachments.upload("too-large", "big.txt", "text/plain", in(text)))
        .isInstanceOf(AttachmentTooLargeException.class);

    assertThat(jdbc.queryForObject("select count(*) from attachment where sender = 'too-large'", Integer.class)).isZero();
  }

  @Test
  void aTypeNotAllowedOrContradictingTheDeclaredOneIsRefused() throws IOException {
    byte[] zip = HexFormat.of().parseHex("504b0304140000000000");

    assertThatThrownBy(() -> attachments.upload("shop", "a.zip", null, in(zip)))
        .isInstanceOf(AttachmentTypeException.class).hasMessageContaining("application/zip");
    assertThatThrownBy(() -> attachments.upload("shop", "a.png", "image/png", in(PDF)))
        .isInstanceOf(AttachmentTypeException.class).hasMessageContaining("declared as image/png")
        .hasMessageContaining("application/pdf");
    assertThat(attachments.upload("shop", null, "application/octet-stream", in(PDF)).contentType())
        .isEqualTo("application/pdf");
    assertThat(attachments.upload("shop", "rows", "text/csv", in("id,name\n1,Ada\n".getBytes(StandardCharsets.UTF_8)))
        .contentType()).isEqualTo("text/csv");
  }

  @Test
  void anAttachmentOfARunningNotificationIsNotDeletedUntilItIsFinal() throws IOException {
    Attachment uploaded = attachments.upload("shop", "report.pdf", "application/pdf", in(PDF));
    String notification = "notification-shop~" + UUID.randomUUID();

    attachments.reference(List.of(uploaded.id()), notification);

    assertThat(attachments.find(uploaded.id()).orElseThrow().expiresAt()).isNull();
    // referenced by a notification the delivery log has not recorded yet: it may still start
    assertThatThrownBy(() -> attachments.delete(uploaded.id())).isInstanceOf(AttachmentInUseException.class);
    notification(notification, "SENDING");
    assertThatThrownBy(() -> attachments.delete(uploaded.id())).isInstanceOf(AttachmentInUseException.class);
    jdbc.update("update notification set status = 'COMPLETED' where id = ?", notification);

    attachments.delete(uploaded.id());
    attachments.delete(uploaded.id());

    assertThat(attachments.find(uploaded.id())).isEmpty();
    assertThat(attachments.record(uploaded.id()).orElseThrow().status()).isEqualTo(AttachmentStatus.DELETED);
    assertThat(blobs.stat(Attachments.key(uploaded.id()))).isEmpty();
  }

  @Test
  void aFinalNotificationsAttachmentIsNotDeletedWhileOneOfItsDeadLettersCanBeRedriven() throws IOException {
    Attachment uploaded = attachments.upload("shop", "invoice.pdf", "application/pdf", in(PDF));
    String notification = notificationCarrying(uploaded, "PARTIALLY_FAILED");
    jdbc.update("""
        insert into dead_letter (kind, status, sender, channel, notification_id, error_code, created_at, updated_at)
        values ('DELIVERY', 'OPEN', 'shop', 'EMAIL', ?, 'smtp-451', now(), now())""", notification);

    assertThatThrownBy(() -> attachments.delete(uploaded.id())).as("a re-drive would need it")
        .isInstanceOf(AttachmentInUseException.class);
    jdbc.update("update dead_letter set status = 'DISCARDED' where notification_id = ?", notification);

    attachments.delete(uploaded.id());
    assertThat(attachments.record(uploaded.id()).orElseThrow().status()).isEqualTo(AttachmentStatus.DELETED);
  }

  @Test
  void aReferenceByANotificationThatNeverStartedStopsHoldingItAfterTheUnreferencedTtl() throws IOException {
    Attachment uploaded = attachments.upload("shop", "orphan.pdf", "application/pdf", in(PDF));
    // the door referenced it, then the workflow start failed and the client never asked again
    attachments.reference(List.of(uploaded.id()), "notification-shop~never-started-" + UUID.randomUUID());

    clock.advance(Duration.ofMinutes(59));
    assertThatThrownBy(() -> attachments.delete(uploaded.id())).as("it may still start")
        .isInstanceOf(AttachmentInUseException.class);

    clock.advance(Duration.ofMinutes(2));
    attachments.delete(uploaded.id());

    assertThat(attachments.record(uploaded.id()).orElseThrow().status()).isEqualTo(AttachmentStatus.DELETED);
  }

  @Test
  void releasedAndNeverReferencedUploadsAreSweptOnceTheirTimeIsUp() throws IOException {
    Attachment kept = attachments.upload("sweep", "kept.pdf", null, in(PDF));
    Attachment released = attachments.upload("sweep", "released.pdf", null, in(PDF));
    Attachment unreferenced = attachments.upload("sweep", "unreferenced.pdf", null, in(PDF));
    attachments.reference(List.of(kept.id()), "notification-sweep~running");
    attachments.reference(List.of(released.id()), "notification-sweep~cancelled");
    clock.advance(Duration.ofMinutes(30));
    attachments.release("notification-sweep~cancelled");
    assertThat(attachments.find(released.id()).orElseThrow().expiresAt())
        .isEqualTo(clock.instant().plus(Duration.ofHours(1)));

    clock.advance(Duration.ofMinutes(45));
    attachments.sweepExpired();

    assertThat(attachments.record(unreferenced.id()).orElseThrow().status()).isEqualTo(AttachmentStatus.EXPIRED);
    assertThat(blobs.stat(Attachments.key(unreferenced.id()))).isEmpty();
    assertThat(attachments.find(released.id())).isPresent();

    clock.advance(Duration.ofHours(1));
    attachments.sweepExpired();

    assertThat(attachments.record(released.id()).orElseThrow().status()).isEqualTo(AttachmentStatus.EXPIRED);
    assertThat(attachments.find(kept.id())).isPresent();
    assertThat(blobs.stat(Attachments.key(kept.id()))).isPresent();
    assertThat(attachments.ofNotification("notification-sweep~cancelled")).as("its history still names it")
        .extracting(Attachment::id).containsExactly(released.id());
  }

  @Test
  void aFinishedNotificationStillListsItsAttachmentsAfterTheSweepReleasedThem() throws IOException {
    Attachment uploaded = attachments.upload("shop", "receipt.pdf", "application/pdf", in(PDF));
    String notification = notificationCarrying(uploaded, "COMPLETED");

    attachments.sweepExpired();

    assertThat(attachments.find(uploaded.id()).orElseThrow().expiresAt()).as("released: it expires").isNotNull();
    assertThat(attachments.ofNotification(notification)).extracting(Attachment::id).containsExactly(uploaded.id());
    attachments.delete(uploaded.id());
    assertThat(attachments.ofNotification(notification)).as("listed, deleted").extracting(Attachment::status)
        .containsExactly(AttachmentStatus.DELETED);
  }

  @Test
  void anImageIsReferencedApartFromTheAttachmentsEvenWhenItIsOneOfThem() throws IOException {
    Attachment png = attachments.upload("shop", "logo.png", "image/png", in(PNG));
    Attachment pdf = attachments.upload("shop", "terms.pdf", null, in(PDF));
    String notification = "notification-shop~" + UUID.randomUUID();
    attachments.reference(List.of(pdf.id(), png.id()), notification);

    assertThat(attachments.referenceImage(png.id(), notification)).isTrue();
    assertThat(attachments.referenceImage(png.id(), notification)).as("a repeat").isFalse();
    assertThat(attachments.ofNotification(notification)).extracting(Attachment::id).containsExactly(pdf.id(), png.id());
    assertThat(attachments.imageOf(notification)).hasValueSatisfying(image -> assertThat(image.isImage()).isTrue());

    attachments.unreferenceImage(png.id(), notification);

    assertThat(attachments.imageOf(notification)).isEmpty();
    assertThat(attachments.ofNotification(notification)).as("still an attachment").hasSize(2);
    assertThat(attachments.find(png.id()).orElseThrow().expiresAt()).isNull();
  }

  @Test
  void aReleasedAttachmentIsKeptAsLongAsTheLinksMadeToItWork() throws IOException {
    Attachment linked = attachments.upload("shop", "linked.pdf", null, in(PDF));
    String notification = "notification-shop~" + UUID.randomUUID();
    attachments.reference(List.of(linked.id()), notification);
    attachments.keepFor(List.of(linked.id()), Duration.ofDays(7));
    Instant linksExpire = clock.instant().plus(Duration.ofDays(7));

    clock.advance(Duration.ofMinutes(30));
    attachments.keepFor(List.of(linked.id()), Duration.ofDays(7));
    attachments.release(notification);

    assertThat(attachments.find(linked.id()).orElseThrow().expiresAt()).as("within the slack: not moved again")
        .isEqualTo(linksExpire);
    clock.advance(Duration.ofDays(6));
    attachments.sweepExpired();
    assertThat(attachments.find(linked.id())).isPresent();
  }

  /** A new notification of the sender "shop" in {@code status} that references {@code attachment}: its id. */
  private String notificationCarrying(Attachment attachment, String status) {
    String id = "notification-shop~" + UUID.randomUUID();
    attachments.reference(List.of(attachment.id()), id);
    notification(id, status);
    return id;
  }

  private void notification(String id, String status) {
    jdbc.update("""
        insert into notification (id, idempotency_key, sender, channels, priority, status, recipient_count,
                                  created_at, updated_at)
        values (?, ?, 'shop', 'EMAIL', 'NORMAL', ?, 1, now(), now())""", id, id, status);
  }

  private static InputStream in(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }
}
