package dev.herald.workflows;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.common.SearchAttributeKey;
import java.util.Map;

/**
 * The one place for Herald's Temporal search attributes, so operators can filter notifications in
 * the Temporal UI (e.g. {@code HeraldStatus = "FAILED"}). Servers must have them registered; see
 * {@link #DEFINITIONS}.
 */
public final class HeraldSearchAttributes {

  public static final SearchAttributeKey<String> STATUS = SearchAttributeKey.forKeyword("HeraldStatus");
  public static final SearchAttributeKey<java.util.List<String>> CHANNELS =
      SearchAttributeKey.forKeywordList("HeraldChannels");
  public static final SearchAttributeKey<String> PRIORITY = SearchAttributeKey.forKeyword("HeraldPriority");
  public static final SearchAttributeKey<String> SENDER = SearchAttributeKey.forKeyword("HeraldSender");

  /** Name and type of every attribute, for registering them on a server. */
  public static final Map<String, IndexedValueType> DEFINITIONS =
      Map.of(
          STATUS.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
          CHANNELS.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
          PRIORITY.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
          SENDER.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);

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
