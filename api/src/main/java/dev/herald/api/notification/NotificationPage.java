package dev.herald.api.notification;

import java.util.List;

/** One page of notification history, newest first. */
public record NotificationPage(List<NotificationView> items, int page, int size, boolean hasNext) {}
