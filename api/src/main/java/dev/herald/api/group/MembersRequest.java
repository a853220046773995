package dev.herald.api.group;

import java.util.List;

/** The body of {@code POST} and {@code DELETE /api/v1/groups/{key}/members}: recipient ids. */
public record MembersRequest(List<String> recipientIds) {}
