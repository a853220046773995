package dev.herald.activities.slack;

/**
 * One Slack message: {@code channel} is where it is posted (a user id for a direct message, or a
 * conversation id), {@code text} its mrkdwn text.
 */
public record SlackMessage(String deliveryId, String channel, String text) {}
