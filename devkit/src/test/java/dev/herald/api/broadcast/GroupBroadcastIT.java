package dev.herald.api.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

/**
 * A broadcast to a group of 10,000: held for approval (the test threshold is 2), approved through
 * the API, then one mail per member, each greeting its own member by the name stored with them.
 */
class GroupBroadcastIT extends BroadcastIntegrationTest {

  private static final String DOMAIN = "broadcast.it.example";
  private static final int MEMBERS = 10_000;

  @Test
  void tenThousandMembersEachGetOneMailWithTheirOwnName() {
    groupOf("gb-everyone", "gb", DOMAIN, MEMBERS);
    publishGreeting();

    String id = sendTemplated("gb-10k", "gb-everyone");
    awaitStatus(id, "PENDING_APPROVAL", BROADCAST_WAIT);
    List<Map<String, Object>> queue = http().get().uri("/api/v1/approvals?size=100").retrieve()
        .body(new ParameterizedTypeReference<>() {});
    assertThat(queue).filteredOn(a -> id.equals(a.get("notificationId"))).singleElement()
        .satisfies(a -> assertThat(a).containsEntry("group", "gb-everyone").containsEntry("audienceSize", MEMBERS));
    assertThat(mailsToDomain(DOMAIN)).isEmpty();

    approve(id);
    awaitStatus(id, "COMPLETED", BROADCAST_WAIT);

    List<MimeMessage> mails = mailsToDomain(DOMAIN);
    assertThat(mails).hasSize(MEMBERS);
    Map<String, List<String>> subjectsByAddress = mails.stream().collect(Collectors.groupingBy(
        BroadcastIntegrationTest::to, Collectors.mapping(BroadcastIntegrationTest::subject, Collectors.toList())));
    assertThat(subjectsByAddress).hasSize(MEMBERS);
    for (int i = 0; i < MEMBERS; i++) {
      assertThat(subjectsByAddress.get("gb-" + i + "@" + DOMAIN)).as("mails to member %d", i)
          .containsExactly("Hello Member " + i);
    }
    assertThat(channelCounts(id, "EMAIL")).containsEntry("total", MEMBERS).containsEntry("sent", MEMBERS)
        .containsEntry("pending", 0).containsEntry("failed", 0);
    assertThat(get("/api/v1/notifications/" + id).getBody()).containsEntry("group", "gb-everyone")
        .containsEntry("recipientCount", MEMBERS);
  }
}
