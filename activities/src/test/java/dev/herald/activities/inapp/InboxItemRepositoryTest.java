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

  private static final String OWNER = "acme";
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
    List<InboxItem> first = items.findPage(OWNER, "reader-ada", false, null, 2);
    List<InboxItem> second = items.findPage(OWNER, "reader-ada", false, first.get(1).id(), 2);
    List<InboxItem> last = items.findPage(OWNER, "reader-ada", false, second.get(1).id(), 2);

    assertThat(first).extracting(InboxItem::id).containsExactly(ada.get(4), ada.get(3));
    assertThat(second).extracting(InboxItem::id).containsExactly(ada.get(2), ada.get(1));
    assertThat(last).extracting(InboxItem::id).containsExactly(ada.get(0));
  }

  @Test
  void anotherRecipientsItemIsNoCursorAndNeverListed() {
    long graces = items.findPage(OWNER, "reader-grace", false, null, 10).get(0).id();

    assertThat(items.findPage(OWNER, "reader-ada", false, graces, 10)).isEmpty();
    assertThat(items.findPage(OWNER, "reader-ada", false, null, 10)).extracting(InboxItem::recipientId)
        .containsOnly("reader-ada");
    assertThat(items.findOne(graces, OWNER, "reader-ada")).isEmpty();
  }

  @Test
  void theSameRecipientIdOfAnotherOwnerIsAnotherInbox() {
    long others = insert("globex", "reader-ada", "n-globex-0");

    assertThat(items.findPage(OWNER, "reader-ada", false, null, 10)).extracting(InboxItem::id)
        .doesNotContain(others).hasSize(5);
    assertThat(items.findPage("globex", "reader-ada", false, null, 10)).extracting(InboxItem::id)
        .containsExactly(others);
    assertThat(items.findOne(others, OWNER, "reader-ada")).isEmpty();
    assertThat(items.markRead(others, OWNER, "reader-ada", READ_AT)).isZero();
    assertThat(items.countUnread("globex", "reader-ada")).isEqualTo(1);
  }

  @Test
  void readItemsLeaveTheUnreadCountAndTheUnreadPage() {
    items.markRead(ada.get(1), OWNER, "reader-ada", READ_AT);
    items.markRead(ada.get(3), OWNER, "reader-ada", READ_AT);

    assertThat(items.countUnread(OWNER, "reader-ada")).isEqualTo(3);
    assertThat(items.findPage(OWNER, "reader-ada", true, null, 10)).extracting(InboxItem::id)
        .containsExactly(ada.get(4), ada.get(2), ada.get(0));
    assertThat(items.countUnread(OWNER, "reader-grace")).isEqualTo(1);
  }

  @Test
  void markingReadAgainKeepsTheFirstReadTimeAndUnreadClearsIt() {
    items.markRead(ada.get(0), OWNER, "reader-ada", READ_AT);
    items.markRead(ada.get(0), OWNER, "reader-ada", READ_AT.plusSeconds(60));
    assertThat(items.findOne(ada.get(0), OWNER, "reader-ada").orElseThrow().readAt()).isEqualTo(READ_AT);

    items.markUnread(ada.get(0), OWNER, "reader-ada");
    assertThat(items.findOne(ada.get(0), OWNER, "reader-ada").orElseThrow().read()).isFalse();
  }

  @Test
  void readMarksAreScopedToTheRecipient() {
    assertThat(items.markRead(ada.get(0), OWNER, "reader-grace", READ_AT)).isZero();
    assertThat(items.markUnread(ada.get(0), OWNER, "reader-grace")).isZero();
    assertThat(items.findOne(ada.get(0), OWNER, "reader-ada").orElseThrow().read()).isFalse();
  }

  @Test
  void newerItemsComeOldestFirstAfterTheCursor() {
    assertThat(items.findNewer(OWNER, "reader-ada", ada.get(2), 10)).extracting(InboxItem::id)
        .containsExactly(ada.get(3), ada.get(4));
    assertThat(items.findNewer(OWNER, "reader-ada", ada.get(0), 2)).extracting(InboxItem::id)
        .containsExactly(ada.get(1), ada.get(2));
    assertThat(items.findNewer(OWNER, "reader-ada", ada.get(4), 10)).isEmpty();
  }

  @Test
  void resumePointsBoundTheReplay() {
    assertThat(items.findLatestId(OWNER, "reader-ada")).isEqualTo(ada.get(4));
    assertThat(items.findLatestId(OWNER, "reader-nobody")).isZero();
    assertThat(items.findIdBeforeNewest(OWNER, "reader-ada", 2)).isEqualTo(ada.get(2));
    assertThat(items.findIdBeforeNewest(OWNER, "reader-ada", 5)).isZero();
  }

  private long insert(String recipientId, String notificationId) {
    return insert(OWNER, recipientId, notificationId);
  }

  private long insert(String owner, String recipientId, String notificationId) {
    return items.insertAndAnnounce(owner, recipientId, notificationId, notificationId + "/in_app/0", "Title", "Body",
        null, null, null)
        .orElseThrow();
  }
}
