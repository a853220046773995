package dev.herald.activities.inapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase.Replace.NONE;

import dev.herald.activities.channel.ProviderReceipt;
import dev.herald.workflows.messages.DeliveryError;
import dev.herald.workflows.messages.DeliveryErrorType;
import io.temporal.failure.ApplicationFailure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The in-app channel, on PostgreSQL. Not in a test transaction: a NOTIFY is
 * delivered only at a commit. So every test uses its own recipient and delivery ids.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class InAppChannelTest {

  private static final String SENDER = "acme";

  @Autowired InAppChannel activities;
  @Autowired InboxItemRepository items;
  @Autowired JdbcConnectionDetails database;

  private Connection listener;

  @BeforeEach
  void start() throws SQLException {
    listener = DriverManager.getConnection(database.getJdbcUrl(), database.getUsername(), database.getPassword());
    try (Statement statement = listener.createStatement()) {
      statement.execute("LISTEN " + InboxEvents.CHANNEL);
    }
  }

  @AfterEach
  void stop() throws SQLException {
    listener.close();
  }

  @Test
  void deliveryPutsAnUnreadItemInTheRecipientsInboxAndAnswersItsId() {
    InAppMessage message = message("notification-a1", "ada");

    ProviderReceipt receipt = activities.deliverInApp(message, 1);

    InboxItem item = items.findOne(Long.parseLong(receipt.providerMessageId()), SENDER, "ada").orElseThrow();
    assertThat(item.notificationId()).isEqualTo("notification-a1");
    assertThat(item.deliveryId()).isEqualTo("notification-a1/in_app/0");
    assertThat(item.title()).isEqualTo("Your invoice");
    assertThat(item.body()).isEqualTo("Invoice #42 is ready.");
    assertThat(item.createdAt()).isNotNull();
    assertThat(item.read()).isFalse();
  }

  @Test
  void retriedDeliveryInsertsNothingAndAnswersTheSameItem() {
    InAppMessage message = message("notification-a2", "grace");

    ProviderReceipt first = activities.deliverInApp(message, 1);
    ProviderReceipt retry = activities.deliverInApp(message, 1);

    assertThat(retry.providerMessageId()).isEqualTo(first.providerMessageId());
    assertThat(items.findPage(SENDER, "grace", false, null, 10)).singleElement()
        .extracting(InboxItem::deliveryId).isEqualTo(message.deliveryId());
  }

  @Test
  void deliveryAnnouncesTheRecipientOnCommitAndARetryAnnouncesNothing() throws SQLException {
    InAppMessage message = message("notification-a3", "linus");

    activities.deliverInApp(message, 1);
    activities.deliverInApp(message, 1);
    activities.deliverInApp(message("notification-a3-marker", "marker-a3"), 1);

    assertThat(announcedUntil("marker-a3")).containsExactly("linus", "marker-a3");
  }

  @Test
  void missingRecipientIdIsAPermanentInvalidAddress() {
    ApplicationFailure failure = failureOf(message("notification-a4", " "));

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo(DeliveryErrorType.INVALID_ADDRESS.name());
    DeliveryError error = failure.getDetails().get(DeliveryError.class);
    assertThat(error.providerCode()).isEqualTo("inbox-invalid-recipient");
    assertThat(items.findIdByDeliveryId("notification-a4/in_app/0")).isEmpty();
  }

  @Test
  void recipientIdTooLongToAnnounceIsAPermanentInvalidAddress() {
    String tooLong = "r".repeat(InAppChannel.MAX_RECIPIENT_ID_BYTES + 1);

    ApplicationFailure failure = failureOf(message("notification-a5", tooLong));

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getType()).isEqualTo(DeliveryErrorType.INVALID_ADDRESS.name());
  }

  private ApplicationFailure failureOf(InAppMessage message) {
    ApplicationFailure failure = catchThrowableOfType(ApplicationFailure.class, () -> activities.deliverInApp(message, 1));
    assertThat(failure).isNotNull();
    return failure;
  }

  /** Recipient ids announced on the inbox channel, up to {@code last} (blocks for them, at most 5 s). */
  private List<String> announcedUntil(String last) throws SQLException {
    List<String> announced = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!announced.contains(last) && System.nanoTime() < deadline) {
      PGNotification[] received = listener.unwrap(PGConnection.class).getNotifications(200);
      if (received != null) {
        Arrays.stream(received).filter(n -> n.getName().equals(InboxEvents.CHANNEL))
            .map(PGNotification::getParameter).forEach(announced::add);
      }
    }
    return announced;
  }

  static InAppMessage message(String notificationId, String recipientId) {
    return new InAppMessage(notificationId + "/in_app/0", notificationId, SENDER, recipientId, "Your invoice",
        "Invoice #42 is ready.", null);
  }
}
