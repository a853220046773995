package dev.herald.workflows;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.common.SearchAttributeKey;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The one place for Herald's Temporal search attributes, so operators can filter notifications in
 * the Temporal UI (e.g. {@code HeraldStatus = "FAILED"}). Servers must have them registered; see
 * {@link #DEFINITIONS}. None holds personal data: they are plain on the server (docs/workflows.md).
 */
public final class HeraldSearchAttributes {

  public static final SearchAttributeKey<String> STATUS = SearchAttributeKey.forKeyword("HeraldStatus");
  public static final SearchAttributeKey<java.util.List<String>> CHANNELS =
      SearchAttributeKey.forKeywordList("HeraldChannels");
  public static final SearchAttributeKey<String> PRIORITY = SearchAttributeKey.forKeyword("HeraldPriority");
  public static final SearchAttributeKey<String> SENDER = SearchAttributeKey.forKeyword("HeraldSender");
  /** The template's key; absent for inline content. */
  public static final SearchAttributeKey<String> TEMPLATE = SearchAttributeKey.forKeyword("HeraldTemplate");
  /** The template version fixed at acceptance; absent for inline content. */
  public static final SearchAttributeKey<Long> TEMPLATE_VERSION = SearchAttributeKey.forLong("HeraldTemplateVersion");
  /** Members of the audience: a list's recipients from the start, a group's members once its snapshot is recorded. */
  public static final SearchAttributeKey<Long> AUDIENCE = SearchAttributeKey.forLong("HeraldAudience");
  /** The recipient group's key of a broadcast; absent for a list. */
  public static final SearchAttributeKey<String> GROUP = SearchAttributeKey.forKeyword("HeraldGroup");
  /** The notification's category (opt-outs and caps); absent when it has none. */
  public static final SearchAttributeKey<String> CATEGORY = SearchAttributeKey.forKeyword("HeraldCategory");
  /** When it is to be sent; absent for "now". */
  public static final SearchAttributeKey<OffsetDateTime> SEND_AT = SearchAttributeKey.forOffsetDateTime("HeraldSendAt");
  /** Who approved or rejected it, once decided; absent when it needed no approval or none came. */
  public static final SearchAttributeKey<String> DECIDED_BY = SearchAttributeKey.forKeyword("HeraldDecidedBy");

  /** Name and type of every attribute, for registering them on a server. */
  public static final Map<String, IndexedValueType> DEFINITIONS =
      Map.ofEntries(
          Map.entry(STATUS.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD),
          Map.entry(CHANNELS.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST),
          Map.entry(PRIORITY.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD),
          Map.entry(SENDER.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD),
          Map.entry(TEMPLATE.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD),
          Map.entry(TEMPLATE_VERSION.getName(), IndexedValueType.INDEXED_VALUE_TYPE_INT),
          Map.entry(AUDIENCE.getName(), IndexedValueType.INDEXED_VALUE_TYPE_INT),
          Map.entry(GROUP.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD),
          Map.entry(CATEGORY.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD),
          Map.entry(SEND_AT.getName(), IndexedValueType.INDEXED_VALUE_TYPE_DATETIME),
          Map.entry(DECIDED_BY.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));

  /**
   * The type as the Temporal CLI names it ({@code temporal server start-dev --search-attribute
   * Name=Type}, the file {@code temporal-dev/search-attributes}).
   */
  public static String cliType(IndexedValueType type) {
    return switch (type) {
      case INDEXED_VALUE_TYPE_KEYWORD -> "Keyword";
      case INDEXED_VALUE_TYPE_KEYWORD_LIST -> "KeywordList";
      case INDEXED_VALUE_TYPE_TEXT -> "Text";
      case INDEXED_VALUE_TYPE_INT -> "Int";
      case INDEXED_VALUE_TYPE_DOUBLE -> "Double";
      case INDEXED_VALUE_TYPE_BOOL -> "Bool";
      case INDEXED_VALUE_TYPE_DATETIME -> "Datetime";
      default -> throw new IllegalArgumentException("no CLI name for " + type);
    };
  }

  /** Every attribute as {@code Name=Type} for the CLI, sorted by name. */
  public static java.util.List<String> cliDefinitions() {
    return DEFINITIONS.entrySet().stream()
        .map(e -> e.getKey() + "=" + cliType(e.getValue()))
        .sorted()
        .toList();
  }

  private HeraldSearchAttributes() {}
}
