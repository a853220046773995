package dev.herald.api.group;

import java.util.List;

/** What adding members did; {@code unknown} ids name no recipient and were not added. */
public record MembersAdded(int added, int alreadyMembers, List<String> unknown) {}
