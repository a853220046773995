package dev.herald.activities.group;

import java.util.List;

/**
 * What adding or removing members did: {@code changed} recipients were added (or removed),
 * {@code unchanged} ones were members already (or were not members), {@code unknown} ids name no recipient.
 */
public record MembershipChange(int changed, int unchanged, List<String> unknown) {}
