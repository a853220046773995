package dev.herald.activities.group;

/** A member of a group with what a notification to them needs: their id and addresses. */
public record GroupMember(String id, String name, String email, String phone, String locale, String timeZone) {}
