package dev.herald.activities.slack;

import dev.herald.activities.channel.ProviderSendException;

/** Posts one Slack message; returns the provider message id, {@code <conversation id>:<ts>}. */
public interface SlackSender {

  String send(SlackMessage message) throws ProviderSendException;
}
