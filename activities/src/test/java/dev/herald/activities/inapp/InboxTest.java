package dev.herald.activities.inapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase.Replace.NONE;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;

/** The inbox as its readers and streams use it; each test runs in a transaction rolled back after it. */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = NONE)
class InboxTest {

  private static final String OWNER = "acme";
  private static final Instant READ_AT = Instant.parse("2025-03-01T10:00:00Z");

  @Autowired Inbox inbox;
  @Autowired InboxItemRepository items;

  /** ids of lin's four items, oldest first. */
  private List<Long> lin;

  @BeforeEach
  void fourItemsForLinAndOneForOla() {
    lin = IntStream.range(0, 4).mapToObj(i -> insert("inbox-lin", "n-lin-" + i)).toList();
    insert("inbox-ola", "n-ola-0");
  }

  @Test
  void markingReadAnswersTheItemWithItsFirstReadTime() {
    inbox.markRead(OWNER, "inbox-lin", lin.get(0), READ_AT);

    assertThat(inbox.markRead(OWNER, "inbox-lin", lin.get(0), READ_AT.plusSeconds(60)))
        .get().extracting(InboxItem::readAt).isEqualTo(READ_AT);
    assertThat(inbox.markUnread(OWNER, "inbox-lin", lin.get(0))).get().extracting(InboxItem::read).isEqualTo(false);
    assertThat(inbox.unreadCount(OWNER, "inbox-lin")).isEqualTo(4);
  }

  @Test
  void anotherRecipientsItemCannotBeMarkedAndStaysUnread() {
    assertThat(inbox.markRead(OWNER, "inbox-ola", lin.get(1), READ_AT)).isEmpty();
    assertThat(inbox.markUnread(OWNER, "inbox-ola", lin.get(1))).isEmpty();
    assertThat(inbox.find(OWNER, "inbox-lin", lin.get(1))).get().extracting(InboxItem::read).isEqualTo(false);
  }

  @Test
  void aNewStreamStartsAfterTheNewestItemAndAResumedOneReplaysAtMostTheNewest() {
    assertThat(inbox.streamStart(OWNER, "inbox-lin", null, 2)).isEqualTo(lin.get(3));
    assertThat(inbox.streamStart(OWNER, "inbox-nobody", null, 2)).isZero();
    assertThat(inbox.streamStart(OWNER, "inbox-lin", lin.get(2), 2)).as("within the replay").isEqualTo(lin.get(2));
    assertThat(inbox.streamStart(OWNER, "inbox-lin", 0L, 2)).as("further back than the replay").isEqualTo(lin.get(1));
  }

  @Test
  void aStreamCatchesUpOnItsOwnItemsOldestFirst() {
    assertThat(inbox.after(OWNER, "inbox-lin", lin.get(1), 10)).extracting(InboxItem::id)
        .containsExactly(lin.get(2), lin.get(3));
    assertThat(inbox.newestFirst(OWNER, "inbox-lin", false, lin.get(2), 10)).extracting(InboxItem::id)
        .containsExactly(lin.get(1), lin.get(0));
  }

  private long insert(String recipientId, String notificationId) {
    return items.insertAndAnnounce(OWNER, recipientId, notificationId, notificationId + "/in_app/0", "Title", "Body",
        null, null, null)
        .orElseThrow();
  }
}
