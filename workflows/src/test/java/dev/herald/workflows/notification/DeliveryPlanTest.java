package dev.herald.workflows.notification;

import static dev.herald.workflows.notification.TestNotifications.emailTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.PlannedDelivery;
import dev.herald.workflows.messages.Recipient;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryPlanTest {

  @Test
  void duplicateAddressesDifferingOnlyInCaseArePlannedOnce() {
    NotificationSpec spec = emailTo("plan-duplicates", "Ada@Example.com", "bob@example.com", "ada@example.COM", "bob@example.com");

    List<PlannedDelivery> planned = DeliveryPlan.of(spec);

    assertThat(planned).containsExactly(
        new PlannedDelivery(spec.id() + "/email/0", spec.id(), Channel.EMAIL, "Ada@Example.com", 0),
        new PlannedDelivery(spec.id() + "/email/1", spec.id(), Channel.EMAIL, "bob@example.com", 1));
  }

  @Test
  void recipientsWithoutAnAddressOnTheChannelAreSkipped() {
    NotificationSpec spec = emailTo("plan-missing", null, "bob@example.com");

    assertThat(DeliveryPlan.of(spec)).extracting(PlannedDelivery::address).containsExactly("bob@example.com");
  }

  @Test
  void deliveryIdsAreStableForTheSameSpec() {
    NotificationSpec spec = emailTo("plan-stable", "ada@example.com", "bob@example.com");

    assertThat(DeliveryPlan.of(spec)).isEqualTo(DeliveryPlan.of(spec));
  }

  @Test
  void inboxOwnersWhoseIdsDifferOnlyInCaseAreTwoRecipients() {
    NotificationSpec base = emailTo("plan-inbox-case");
    NotificationSpec spec = new NotificationSpec(base.id(), base.idempotencyKey(), base.sender(), List.of(Channel.IN_APP),
        List.of(new Recipient("user-a", null, null, null, null), new Recipient("User-A", null, null, null, null),
            new Recipient("user-a", null, null, null, null)),
        base.content(), base.priority(), null, base.approval(), base.acceptedAt(), base.requestHash(), null, null, null,
        null, null);

    assertThat(DeliveryPlan.of(spec)).extracting(PlannedDelivery::address).containsExactly("user-a", "User-A");
  }
}
