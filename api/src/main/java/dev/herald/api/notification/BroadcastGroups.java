package dev.herald.api.notification;

import dev.herald.activities.group.GroupSummary;
import dev.herald.activities.group.RecipientGroups;
import org.springframework.stereotype.Component;

/**
 * The group a broadcast asks for, checked at the door: the sender's own group (another sender's key
 * is unknown, as any unknown key), with members. Its members are snapshotted later, by the workflow,
 * when it records the notification.
 */
@Component
class BroadcastGroups {

  private final RecipientGroups groups;

  BroadcastGroups(RecipientGroups groups) {
    this.groups = groups;
  }

  /** The sender's group named by {@code key}, or an invalid request naming the {@code group} field. */
  GroupSummary require(String sender, String key) {
    GroupSummary group = groups.find(sender, key)
        .orElseThrow(() -> new InvalidRequestException("group", "no group has the key '" + key + "'"));
    if (group.size() == 0) {
      throw new InvalidRequestException("group", "the group '" + key + "' has no members");
    }
    return group;
  }
}
