package dev.herald.activities.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase.Replace.NONE;

import dev.herald.activities.recipient.RecipientData;
import dev.herald.activities.recipient.Recipients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Groups and their members on a real PostgreSQL; every test rolls back. */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = NONE)
class RecipientGroupsTest {

  static final String OWNER = "acme";
  static final String OTHER = "globex";

  @Autowired RecipientGroups groups;
  @Autowired Recipients recipients;
  @Autowired NamedParameterJdbcTemplate jdbc;

  @Test
  void aKeyIsCreatedOnceRenamedAndDeleted() {
    var created = groups.create(OWNER, "vip", "VIPs");
    var again = groups.create(OWNER, "vip", "Other");
    var renamed = groups.rename(OWNER, "vip", "Very important");

    assertThat(created).get().extracting(GroupSummary::name, GroupSummary::size).containsExactly("VIPs", 0L);
    assertThat(again).isEmpty();
    assertThat(renamed).get().extracting(GroupSummary::name).isEqualTo("Very important");
    assertThat(groups.delete(OWNER, "vip")).isTrue();
    assertThat(groups.delete(OWNER, "vip")).isFalse();
    assertThat(groups.rename(OWNER, "vip", "x")).isEmpty();
  }

  @Test
  void addingMembersReportsUnknownIdsAndCountsOnce() {
    recipients("g-ada", "g-grace");
    groups.create(OWNER, "team", "Team");

    var first = groups.addMembers(OWNER, "team", List.of("g-ada", "g-nobody", "g-ada"));
    var second = groups.addMembers(OWNER, "team", List.of("g-ada", "g-grace"));

    assertThat(first).contains(new MembershipChange(1, 0, List.of("g-nobody")));
    assertThat(second).contains(new MembershipChange(1, 1, List.of()));
    assertThat(groups.find(OWNER, "team").orElseThrow().size()).isEqualTo(2);
    assertThat(groups.addMembers(OWNER, "no-such-group", List.of("g-ada"))).isEmpty();
  }

  @Test
  void removingMembersKeepsTheRecipients() {
    recipients("r-1", "r-2", "r-3");
    groups.create(OWNER, "leaving", "Leaving");
    groups.addMembers(OWNER, "leaving", List.of("r-1", "r-2", "r-3"));

    var removed = groups.removeMembers(OWNER, "leaving", List.of("r-1", "r-2", "r-nobody"));
    var again = groups.removeMembers(OWNER, "leaving", List.of("r-1"));

    assertThat(removed).contains(new MembershipChange(2, 0, List.of("r-nobody")));
    assertThat(again).contains(new MembershipChange(0, 1, List.of()));
    assertThat(groups.members(OWNER, "leaving", null, 10).orElseThrow()).extracting(GroupMember::id).containsExactly("r-3");
    assertThat(recipients.find(OWNER, "r-1")).isPresent();
  }

  @Test
  void deletingARecipientOrTheGroupDropsTheMembership() {
    recipients("d-1", "d-2");
    groups.create(OWNER, "d", "D");
    groups.addMembers(OWNER, "d", List.of("d-1", "d-2"));

    recipients.delete(OWNER, "d-1");

    assertThat(groups.members(OWNER, "d", null, 10).orElseThrow()).extracting(GroupMember::id).containsExactly("d-2");
    assertThat(groups.delete(OWNER, "d")).isTrue();
    assertThat(recipients.find(OWNER, "d-2")).isPresent();
  }

  @Test
  void membersArePagedInIdOrderAfterTheCursorWithTheirAddresses() {
    List<String> ids = IntStream.range(0, 25).mapToObj(i -> String.format("m-%03d", 24 - i)).toList();
    for (String id : ids) {
      recipients.put(OWNER, new RecipientData(id, null, "ko-KR", null, id + "@example.com", "+14155550123", null, null));
    }
    groups.create(OWNER, "all", "All");
    groups.addMembers(OWNER, "all", ids);

    List<GroupMember> seen = new ArrayList<>();
    String cursor = null;
    for (List<GroupMember> page = groups.members(OWNER, "all", cursor, 10).orElseThrow(); !page.isEmpty();
        page = groups.members(OWNER, "all", cursor, 10).orElseThrow()) {
      assertThat(page.size()).isLessThanOrEqualTo(10);
      seen.addAll(page);
      cursor = page.get(page.size() - 1).id();
    }

    assertThat(seen).extracting(GroupMember::id).isSorted().hasSize(25).doesNotHaveDuplicates();
    assertThat(seen.get(0)).isEqualTo(new GroupMember("m-000", null, "m-000@example.com", "+14155550123", "ko-KR", null));
  }

  @Test
  void aPageDeepInALargeGroupIsReadFromAnIndexWithoutSorting() {
    jdbc.update("""
        insert into recipient (owner, external_id, email, created_at, updated_at)
        select 'acme', 'big-' || lpad(n::text, 6, '0'), 'big-' || n || '@example.com', now(), now()
        from generate_series(0, 99999) n""", Map.of());
    groups.create(OWNER, "big", "Big");
    long groupId = jdbc.queryForObject("select id from recipient_group where key = 'big'", Map.of(), Long.class);
    jdbc.update("insert into group_member (group_id, owner, recipient_id) select :groupId, owner, external_id from recipient"
        + " where external_id like 'big-%'", Map.of("groupId", groupId));
    jdbc.update("analyze group_member", Map.of());
    jdbc.update("analyze recipient", Map.of());

    List<GroupMember> page = groups.members(OWNER, "big", "big-099000", 500).orElseThrow();
    String plan = String.join("\n", jdbc.queryForList("explain " + RecipientGroups.MEMBERS,
        Map.of("groupId", groupId, "after", "big-099000", "limit", 500), String.class));

    assertThat(groups.find(OWNER, "big").orElseThrow().size()).isEqualTo(100_000);
    assertThat(page).hasSize(500).first().extracting(GroupMember::id).isEqualTo("big-099001");
    assertThat(plan).contains("Index Scan").doesNotContain("Seq Scan on group_member").doesNotContain("Sort");
  }

  @Test
  void groupsArePagedByKey() {
    groups.create(OWNER, "k-b", "B");
    groups.create(OWNER, "k-a", "A");
    groups.create(OWNER, "k-c", "C");

    assertThat(groups.page(OWNER, "k-", 2)).extracting(GroupSummary::key).containsExactly("k-a", "k-b");
    assertThat(groups.page(OWNER, "k-b", 2)).extracting(GroupSummary::key).containsExactly("k-c");
  }

  @Test
  void anotherOwnersKeysAndIdsAreItsOwn() {
    recipients("o-1");
    groups.create(OWNER, "shared-key", "Ours");
    groups.addMembers(OWNER, "shared-key", List.of("o-1"));

    var theirs = groups.create(OTHER, "shared-key", "Theirs");
    var addOurs = groups.addMembers(OTHER, "shared-key", List.of("o-1"));

    assertThat(theirs).get().extracting(GroupSummary::owner, GroupSummary::size).containsExactly(OTHER, 0L);
    assertThat(addOurs).contains(new MembershipChange(0, 0, List.of("o-1")));
    assertThat(groups.find(OWNER, "shared-key").orElseThrow().name()).isEqualTo("Ours");
    assertThat(groups.page(OTHER, null, 10)).extracting(GroupSummary::key).containsExactly("shared-key");
    assertThat(groups.delete(OTHER, "shared-key")).isTrue();
    assertThat(groups.members(OWNER, "shared-key", null, 10).orElseThrow()).extracting(GroupMember::id)
        .containsExactly("o-1");
    assertThat(groups.rename(OTHER, "shared-key", "x")).isEmpty();
  }

  private void recipients(String... ids) {
    for (String id : ids) {
      recipients.put(OWNER, new RecipientData(id, null, null, null, null, null, null, null));
    }
  }
}
