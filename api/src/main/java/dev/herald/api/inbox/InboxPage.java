package dev.herald.api.inbox;

import java.util.List;

/**
 * A page of an inbox, newest first.
 *
 * @param nextBefore pass as {@code before} for the next (older) page; null on the last page
 */
public record InboxPage(List<InboxItemView> items, Long nextBefore) {}
