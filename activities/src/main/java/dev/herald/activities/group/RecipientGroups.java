package dev.herald.activities.group;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recipient groups and their members. A group belongs to a sender, its owner, and holds only that
 * owner's recipients; keys are unique per owner and every call names the owner. Members are kept in
 * external-id order under the primary key of the membership table, so a page after a cursor costs
 * the same on the 1st and the 100,000th member.
 */
@Component
public class RecipientGroups {

  /** How many ids one add or remove may name. */
  public static final int MAX_IDS_PER_CHANGE = 10_000;

  static final String MEMBERS = """
      select r.external_id, r.name, r.email, r.phone, r.locale, r.time_zone
      from group_member m join recipient r on r.owner = m.owner and r.external_id = m.recipient_id
      where m.group_id = :groupId and m.recipient_id > :after
      order by m.recipient_id limit :limit""";

  private final RecipientGroupRepository groups;
  private final NamedParameterJdbcTemplate jdbc;

  public RecipientGroups(RecipientGroupRepository groups, NamedParameterJdbcTemplate jdbc) {
    this.groups = groups;
    this.jdbc = jdbc;
  }

  /** The new group, or empty when the key is taken. */
  @Transactional
  public Optional<GroupSummary> create(String owner, String key, String name) {
    return groups.insertIfAbsent(owner, key, name) == 1 ? find(owner, key) : Optional.empty();
  }

  @Transactional
  public Optional<GroupSummary> rename(String owner, String key, String name) {
    return groups.rename(owner, key, name) == 1 ? find(owner, key) : Optional.empty();
  }

  /** Deletes the group and its memberships (not the recipients). */
  @Transactional
  public boolean delete(String owner, String key) {
    return groups.deleteByKey(owner, key) == 1;
  }

  public Optional<GroupSummary> find(String owner, String key) {
    return groups.findByKey(owner, key).map(this::summary);
  }

  /** Up to {@code limit} of the owner's groups with keys after {@code after} (null: from the start), in key order. */
  public List<GroupSummary> page(String owner, String after, int limit) {
    return groups.page(owner, after == null ? "" : after, limit).stream().map(this::summary).toList();
  }

  /**
   * Adds the owner's recipients; empty when the owner has no such group. Ids naming none of the
   * owner's recipients are reported as unknown, not added.
   */
  @Transactional
  public Optional<MembershipChange> addMembers(String owner, String key, List<String> recipientIds) {
    return groups.findByKey(owner, key).map(group -> {
      String[] ids = distinct(recipientIds);
      List<String> known = known(owner, ids);
      int added = jdbc.update("""
          insert into group_member (group_id, owner, recipient_id)
          select :groupId, r.owner, r.external_id from recipient r where r.owner = :owner and r.external_id = any(:ids)
          on conflict do nothing""", new MapSqlParameterSource("groupId", group.id()).addValue("owner", owner)
          .addValue("ids", ids));
      return new MembershipChange(added, known.size() - added, unknown(ids, known));
    });
  }

  /** Removes the recipients; empty when the owner has no such group. */
  @Transactional
  public Optional<MembershipChange> removeMembers(String owner, String key, List<String> recipientIds) {
    return groups.findByKey(owner, key).map(group -> {
      String[] ids = distinct(recipientIds);
      List<String> known = known(owner, ids);
      int removed = jdbc.update("delete from group_member where group_id = :groupId and recipient_id = any(:ids)",
          new MapSqlParameterSource("groupId", group.id()).addValue("ids", ids));
      return new MembershipChange(removed, known.size() - removed, unknown(ids, known));
    });
  }

  /**
   * Up to {@code limit} members with ids after {@code after} (null: from the first), in id order,
   * with their addresses: the page a broadcast fans out. Empty when the owner has no such group.
   */
  public Optional<List<GroupMember>> members(String owner, String key, String after, int limit) {
    return groups.findByKey(owner, key).map(group -> jdbc.query(MEMBERS,
        new MapSqlParameterSource("groupId", group.id()).addValue("after", after == null ? "" : after)
            .addValue("limit", limit),
        (rs, row) -> new GroupMember(rs.getString("external_id"), rs.getString("name"), rs.getString("email"),
            rs.getString("phone"), rs.getString("locale"), rs.getString("time_zone"))));
  }

  private GroupSummary summary(RecipientGroup group) {
    return new GroupSummary(group.owner(), group.key(), group.name(), groups.size(group.id()), group.createdAt(),
        group.updatedAt());
  }

  private List<String> known(String owner, String[] ids) {
    return jdbc.queryForList("select external_id from recipient where owner = :owner and external_id = any(:ids)",
        Map.of("owner", owner, "ids", ids), String.class);
  }

  private static String[] distinct(List<String> ids) {
    if (ids.size() > MAX_IDS_PER_CHANGE) {
      throw new IllegalArgumentException("at most " + MAX_IDS_PER_CHANGE + " ids per change");
    }
    return new LinkedHashSet<>(ids).toArray(String[]::new);
  }

  private static List<String> unknown(String[] ids, List<String> known) {
    Set<String> found = Set.copyOf(known);
    List<String> unknown = new ArrayList<>();
    for (String id : ids) {
      if (!found.contains(id)) {
        unknown.add(id);
      }
    }
    return unknown;
  }
}
