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

/** Inbox reads and read marks, scoped to one recipient; each test runs in a transaction rolled back after it. */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = NONE)
class InboxItemRepositoryTest {

  private static final Instant READ_AT = Instant.parse("2025-03-01T10:00:00Z");

  @Autowired InboxItemRepository items;

  /** ids of ada's five items, oldest first. */
  private List<Long> ada;

  @BeforeEach
  void fiveItemsForAdaAndOneForGrace() {
    ada = IntStream.range(0, 5).mapToObj(i -> insert("reader-ada", "n-ada-" + i)).toList();
    insert("reader-grace", "n-grace-0");
  }

  @Test
  void pageIsNewestFirstAndBeforeContinuesAfterTheCursor() {
    List<InboxItem> first = items.findPage("reader-ada", false, null, 2);
    List<InboxItem> second = items.findPage("reader-ada", false, first.get(1).id(), 2);
    List<InboxItem> last = items.findPage("reader-ada", false, second.get(1).id(), 2);

    assertThat(first).extracting(InboxItem::id).containsExactly(ada.get(4), ada.get(3));
    assertThat(second).extracting(InboxItem::id).containsExactly(ada.get(2), ada.get(1));
    assertThat(last).extracting(InboxItem::id).containsExactly(ada.get(0));
  }

  @Test
  void anotherRecipientsItemIsNoCursorAndNeverListed() {
    long graces = items.findPage("reader-grace", false, null, 10).get(0).id();

    assertThat(items.findPage("reader-ada", false, graces, 10)).isEmpty();
    assertThat(items.findPage("reader-ada", false, null, 10)).extracting(InboxItem::recipientId)
        .containsOnly("reader-ada");
    assertThat(items.findOne(graces, "reader-ada")).isEmpty();
  }

  @Test
  void readItemsLeaveTheUnreadCountAndTheUnreadPage() {
    items.markRead(ada.get(1), "reader-ada", READ_AT);
    items.markRead(ada.get(3), "reader-ada", READ_AT);

    assertThat(items.countUnread("reader-ada")).isEqualTo(3);
    assertThat(items.findPage("reader-ada", true, null, 10)).extracting(InboxItem::id)
        .containsExactly(ada.get(4), ada.get(2), ada.get(0));
    assertThat(items.countUnread("reader-grace")).isEqualTo(1);
  }

  @Test
  void markingReadAgainKeepsTheFirstReadTimeAndUnreadClearsIt() {
    items.markRead(ada.get(0), "reader-ada", READ_AT);
    items.markRead(ada.get(0), "reader-ada", READ_AT.plusSeconds(60));
    assertThat(items.findOne(ada.get(0), "reader-ada").orElseThrow().readAt()).isEqualTo(READ_AT);

    items.markUnread(ada.get(0), "reader-ada");
    assertThat(items.findOne(ada.get(0), "reader-ada").orElseThrow().read()).isFalse();
  }

  @Test
  void readMarksAreScopedToTheRecipient() {
    assertThat(items.markRead(ada.get(0), "reader-grace", READ_AT)).isZero();
    assertThat(items.markUnread(ada.get(0), "reader-grace")).isZero();
    assertThat(items.findOne(ada.get(0), "reader-ada").orElseThrow().read()).isFalse();
  }

  @Test
  void newerItemsComeOldestFirstAfterTheCursor() {
    assertThat(items.findNewer("reader-ada", ada.get(2), 10)).extracting(InboxItem::id)
        .containsExactly(ada.get(3), ada.get(4));
    assertThat(items.findNewer("reader-ada", ada.get(0), 2)).extracting(InboxItem::id)
        .containsExactly(ada.get(1), ada.get(2));
    assertThat(items.findNewer("reader-ada", ada.get(4), 10)).isEmpty();
  }

  @Test
  void resumePointsBoundTheReplay() {
    assertThat(items.findLatestId("reader-ada")).isEqualTo(ada.get(4));
    assertThat(items.findLatestId("reader-nobody")).isZero();
    assertThat(items.findIdBeforeNewest("reader-ada", 2)).isEqualTo(ada.get(2));
    assertThat(items.findIdBeforeNewest("reader-ada", 5)).isZero();
  }

  private long insert(String recipientId, String notificationId) {
    return items.insertAndAnnounce(recipientId, notificationId, notificationId + "/in_app/0", "Title", "Body")
        .orElseThrow();
  }
}
