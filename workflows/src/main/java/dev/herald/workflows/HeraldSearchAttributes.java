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

  private HeraldSearchAttributes() {}
}
