package dev.herald.activities.recipient;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The recipient store. Every recipient belongs to a sender, its {@code owner}: ids are unique per
 * owner, and every call names the owner whose recipients it reads or writes. Writes are upserts by
 * owner and external id, one statement for a whole batch (arrays unnested), telling created from
 * updated by {@code xmax = 0} of the returned rows.
 */
@Component
public class Recipients {

  /** How many rows one upsert statement writes at most. */
  public static final int MAX_BATCH = 1000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
  private static final String COLUMNS =
      "owner, external_id, name, locale, time_zone, email, phone, slack, attributes::text as attributes, created_at, updated_at";

  private static final String UPSERT = """
      insert into recipient (owner, external_id, name, locale, time_zone, email, phone, slack, attributes, created_at,
                             updated_at)
      select :owner, u.external_id, u.name, u.locale, u.time_zone, u.email, u.phone, u.slack, u.attributes::jsonb, now(), now()
      from unnest(cast(:ids as text[]), cast(:names as text[]), cast(:locales as text[]), cast(:zones as text[]),
                  cast(:emails as text[]), cast(:phones as text[]), cast(:slacks as text[]), cast(:attributes as text[]))
           as u(external_id, name, locale, time_zone, email, phone, slack, attributes)
      on conflict (owner, external_id) do update set name = excluded.name, locale = excluded.locale,
          time_zone = excluded.time_zone, email = excluded.email, phone = excluded.phone, slack = excluded.slack,
          attributes = excluded.attributes, updated_at = now()
      returning (xmax = 0) as created""";

  /** Counts of one batch write. */
  public record Written(int created, int updated) {}

  private final NamedParameterJdbcTemplate jdbc;

  public Recipients(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Creates or replaces one (already checked) recipient of {@code owner}; true when it is new. */
  public boolean put(String owner, RecipientData recipient) {
    return upsert(owner, List.of(recipient)).created() == 1;
  }

  /**
   * Creates or replaces checked recipients of {@code owner} in one statement; ids must be distinct
   * within the batch (PostgreSQL refuses to touch a row twice in one upsert).
   */
  public Written upsert(String owner, List<RecipientData> batch) {
    if (batch.isEmpty()) {
      return new Written(0, 0);
    }
    if (batch.size() > MAX_BATCH) {
      throw new IllegalArgumentException("at most " + MAX_BATCH + " recipients per batch");
    }
    int n = batch.size();
    String[] ids = new String[n], names = new String[n], locales = new String[n], zones = new String[n];
    String[] emails = new String[n], phones = new String[n], slacks = new String[n], attributes = new String[n];
    for (int i = 0; i < n; i++) {
      RecipientData r = batch.get(i);
      ids[i] = r.id();
      names[i] = r.name();
      locales[i] = r.locale();
      zones[i] = r.timeZone();
      emails[i] = r.email();
      phones[i] = r.phone();
      slacks[i] = r.slack();
      attributes[i] = RecipientRules.toJson(r.attributes());
    }
    MapSqlParameterSource params = new MapSqlParameterSource("owner", owner).addValue("ids", ids).addValue("names", names)
        .addValue("locales", locales).addValue("zones", zones).addValue("emails", emails).addValue("phones", phones)
        .addValue("slacks", slacks).addValue("attributes", attributes);
    List<Boolean> created = jdbc.queryForList(UPSERT, params, Boolean.class);
    int newOnes = (int) created.stream().filter(Boolean.TRUE::equals).count();
    return new Written(newOnes, created.size() - newOnes);
  }

  /** The owner's recipient with this id; another owner's is not found. */
  public Optional<StoredRecipient> find(String owner, String id) {
    return jdbc.query("select " + COLUMNS + " from recipient where owner = :owner and external_id = :id",
        Map.of("owner", owner, "id", id), Recipients::map).stream().findFirst();
  }

  /** Up to {@code limit} of the owner's recipients with ids after {@code after} (null: from the start), in id order. */
  public List<StoredRecipient> page(String owner, String after, int limit) {
    return jdbc.query("select " + COLUMNS + " from recipient where owner = :owner and external_id > :after"
            + " order by external_id limit :limit",
        new MapSqlParameterSource("owner", owner).addValue("after", after == null ? "" : after).addValue("limit", limit),
        Recipients::map);
  }

  /**
   * Up to {@code limit} of the owner's recipients whose ids start with {@code prefix}, after {@code
   * after} (null: from the first), in id order: one range of the (owner, id) index, as ids sort bytewise.
   */
  public List<StoredRecipient> search(String owner, String prefix, String after, int limit) {
    if (prefix == null || prefix.isEmpty()) {
      return page(owner, after, limit);
    }
    String beyond = beyond(prefix);
    return jdbc.query("select " + COLUMNS + " from recipient where owner = :owner and external_id >= :prefix"
            + " and external_id > :after" + (beyond == null ? "" : " and external_id < :beyond")
            + " and starts_with(external_id, :prefix) order by external_id limit :limit",
        new MapSqlParameterSource("owner", owner).addValue("prefix", prefix).addValue("after", after == null ? "" : after)
            .addValue("beyond", beyond).addValue("limit", limit),
        Recipients::map);
  }

  /**
   * Up to {@code limit} of the owner's recipients with this email address (in any letter case) or this
   * phone number, after {@code after} in id order: a lookup of the (owner, email) and (owner, phone) indexes.
   */
  public List<StoredRecipient> byAddress(String owner, String address, String after, int limit) {
    return jdbc.query("select " + COLUMNS + " from recipient where owner = :owner"
            + " and ((email is not null and lower(email) = lower(:address)) or (phone is not null and phone = :address))"
            + " and external_id > :after order by external_id limit :limit",
        new MapSqlParameterSource("owner", owner).addValue("address", address)
            .addValue("after", after == null ? "" : after).addValue("limit", limit),
        Recipients::map);
  }

  /**
   * The least string above every string that starts with {@code prefix} in code point (UTF-8 byte)
   * order: its last code point raised by one; null when there is none (all U+10FFFF).
   */
  static String beyond(String prefix) {
    if (prefix.isEmpty()) {
      return null;
    }
    int last = prefix.codePointBefore(prefix.length());
    String head = prefix.substring(0, prefix.length() - Character.charCount(last));
    if (last == Character.MAX_CODE_POINT) {
      return beyond(head);
    }
    int next = last + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : last + 1;
    return head + Character.toString(next);
  }

  public long count(String owner) {
    return jdbc.queryForObject("select count(*) from recipient where owner = :owner", Map.of("owner", owner), Long.class);
  }

  /** Removes the owner's recipient and its group memberships; false when the owner has no such recipient. */
  public boolean delete(String owner, String id) {
    return jdbc.update("delete from recipient where owner = :owner and external_id = :id",
        Map.of("owner", owner, "id", id)) == 1;
  }

  private static StoredRecipient map(ResultSet rs, int row) throws SQLException {
    return new StoredRecipient(rs.getString("owner"), rs.getString("external_id"), rs.getString("name"), rs.getString("locale"),
        rs.getString("time_zone"), rs.getString("email"), rs.getString("phone"), rs.getString("slack"),
        parse(rs.getString("attributes")),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant());
  }

  private static Map<String, Object> parse(String json) {
    try {
      return JSON.readValue(json, OBJECT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
