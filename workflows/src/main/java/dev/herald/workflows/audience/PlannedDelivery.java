package dev.herald.workflows.audience;

import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.Recipient;

/**
 * One message an audience gets: to one member's address on one channel.
 *
 * @param seq the member's number in the audience (its place in a request's list, or in a group by id)
 * @param member the member's fields as the audience has them (its id, push token, locale)
 */
public record PlannedDelivery(String id, Channel channel, String address, int seq, Recipient member) {}
