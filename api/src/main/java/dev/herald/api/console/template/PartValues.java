package dev.herald.api.console.template;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.activities.template.ChannelParts;
import dev.herald.activities.template.TemplateContent;
import dev.herald.activities.template.TemplateDigest;
import dev.herald.activities.template.TemplateSettings;
import dev.herald.api.console.template.PartLayout.ChannelForm;
import dev.herald.api.console.template.PartLayout.FieldForm;
import dev.herald.api.notification.FieldViolation;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.template.CreateVersionRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * A version's parts as text, field by field, named by their path in the API's JSON, which is how the
 * API names a violation: {@code defaults.email.subject}, {@code locales.ko.sms.body}. The editor's
 * form (what was typed, kept as typed), a stored version's sources and a rendering all show as this.
 * A map (push data) is key=value lines. The version's settings are fields too ({@code settings.category}).
 */
final class PartValues {

  /** One section of a version: the default parts ({@code tag} null) or a locale's. */
  record Section(String path, String tag, String title) {}

  static final String DEFAULTS = "defaults";
  static final String LOCALE_PARAMETER = "locale";
  static final String CATEGORY = "settings.category";
  static final String PREFERENCES_LINK = "settings.preferencesLink";
  static final String HIGH_PASSES_QUIET_HOURS = "settings.highPriorityPassesQuietHours";
  static final String DIGEST_KEY = "settings.digest.key";
  static final String DIGEST_WINDOW = "settings.digest.window";
  static final String DIGEST_DAILY_AT = "settings.digest.dailyAt";
  /** The settings typed as text, kept as typed. */
  static final List<String> TEXTS = List.of(CATEGORY, DIGEST_KEY, DIGEST_WINDOW, DIGEST_DAILY_AT);
  /** The settings that are yes or no: checkboxes, posted as "true" when ticked. */
  static final List<String> SWITCHES = List.of(PREFERENCES_LINK, HIGH_PASSES_QUIET_HOURS);
  private static final TypeReference<Map<String, Map<String, Object>>> PARTS_JSON = new TypeReference<>() {};

  private final List<String> locales;
  private final Map<String, String> values;

  private PartValues(List<String> locales, Map<String, String> values) {
    this.locales = List.copyOf(locales);
    this.values = values;
  }

  static PartValues empty() {
    return new PartValues(List.of(), Map.of());
  }

  static PartValues of(TemplateContent content, ObjectMapper json) {
    Map<String, String> values = new LinkedHashMap<>();
    put(DEFAULTS, content.defaults(), json, values);
    List<String> tags = content.locales().keySet().stream().sorted().toList();
    tags.forEach(tag -> put(path(tag), content.locales().get(tag), json, values));
    if (content.settings().category() != null) {
      values.put(CATEGORY, content.settings().category());
    }
    TemplateDigest digest = content.settings().digest();
    if (digest != null) {
      putIfSet(values, DIGEST_KEY, digest.key());
      putIfSet(values, DIGEST_WINDOW, digest.window());
      putIfSet(values, DIGEST_DAILY_AT, digest.dailyAt());
    }
    if (content.settings().linksPreferences()) {
      values.put(PREFERENCES_LINK, "true");
    }
    if (content.settings().passesQuietHoursWhenHigh()) {
      values.put(HIGH_PASSES_QUIET_HOURS, "true");
    }
    return new PartValues(tags, values);
  }

  /** The editor's fields as posted: the locales in the {@code locale} parameters, line breaks as \n. */
  static PartValues read(MultiValueMap<String, String> form) {
    List<String> tags = new ArrayList<>();
    for (String tag : form.getOrDefault(LOCALE_PARAMETER, List.of())) {
      if (!tag.isBlank() && tags.stream().noneMatch(tag::equalsIgnoreCase)) {
        tags.add(tag);
      }
    }
    Map<String, String> values = new LinkedHashMap<>();
    TEXTS.forEach(name -> putIfSet(values, name, form.getFirst(name)));
    SWITCHES.stream().filter(name -> "true".equals(form.getFirst(name))).forEach(name -> values.put(name, "true"));
    for (String section : sections(tags)) {
      for (ChannelForm channel : PartLayout.CHANNEL_FORMS) {
        for (FieldForm field : channel.fields()) {
          String name = name(section, channel, field);
          String value = form.getFirst(name);
          if (value != null) {
            values.put(name, value.replace("\r\n", "\n").replace('\r', '\n'));
          }
        }
      }
    }
    return new PartValues(tags, values);
  }

  public List<String> locales() {
    return locales;
  }

  /** {@code defaults}, then {@code locales.<tag>} of each locale. */
  public List<String> sections() {
    return sections(locales);
  }

  /** The sections with their titles: Default, then each locale (ko (Korean)). */
  public List<Section> sectionList() {
    List<Section> list = new ArrayList<>();
    list.add(new Section(DEFAULTS, null, "Default"));
    locales.forEach(tag -> list.add(new Section(path(tag), tag, title(tag))));
    return list;
  }

  /** Whether the section has text in any field. */
  public boolean any(String section) {
    return PartLayout.CHANNEL_FORMS.stream().anyMatch(channel -> has(section, channel));
  }

  public boolean hasLocale(String tag) {
    return locales.stream().anyMatch(tag::equalsIgnoreCase);
  }

  PartValues withLocale(String tag) {
    List<String> tags = new ArrayList<>(locales);
    tags.add(tag);
    return new PartValues(tags, values);
  }

  PartValues withoutLocale(String tag) {
    List<String> tags = new ArrayList<>(locales);
    tags.remove(tag);
    Map<String, String> kept = new LinkedHashMap<>(values);
    kept.keySet().removeIf(name -> name.startsWith(path(tag) + "."));
    return new PartValues(tags, kept);
  }

  static String name(String section, ChannelForm channel, FieldForm field) {
    return section + "." + channel.key() + "." + field.name();
  }

  /** The field's text, "" when empty. */
  public String value(String name) {
    return values.getOrDefault(name, "");
  }

  /** Whether the section has text in any field of the channel's part. */
  public boolean has(String section, ChannelForm channel) {
    return channel.fields().stream().anyMatch(field -> !value(name(section, channel, field)).isBlank());
  }

  /** Every field's name, then each section's and the locales' (a violation goes to the first that holds it). */
  List<String> fieldNames() {
    List<String> names = new ArrayList<>();
    for (String section : sections()) {
      for (ChannelForm channel : PartLayout.CHANNEL_FORMS) {
        channel.fields().forEach(field -> names.add(name(section, channel, field)));
      }
    }
    names.addAll(sections());
    names.add("locales");
    names.addAll(TEXTS);
    return names;
  }

  /**
   * The request the API takes: a part for each channel with text in some field, blank fields left out;
   * the category, when one is typed, and the settings ticked, as the version's settings.
   * @throws InvalidRequestException a data line that is not key=value, named by its field
   */
  CreateVersionRequest request(ObjectMapper json) {
    List<FieldViolation> violations = new ArrayList<>();
    ChannelParts defaults = parts(DEFAULTS, json, violations);
    Map<String, ChannelParts> variants = new LinkedHashMap<>();
    locales.forEach(tag -> variants.put(tag, parts(path(tag), json, violations)));
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    String category = value(CATEGORY).strip();
    TemplateSettings settings = new TemplateSettings(category.isEmpty() ? null : category, switchedOn(PREFERENCES_LINK),
        switchedOn(HIGH_PASSES_QUIET_HOURS), digest());
    return new CreateVersionRequest(defaults, variants, settings.equals(TemplateSettings.NONE) ? null : settings);
  }

  /** The digest typed, or null when its fields are all empty (the API checks what is typed). */
  private TemplateDigest digest() {
    String key = typed(DIGEST_KEY);
    String window = typed(DIGEST_WINDOW);
    String dailyAt = typed(DIGEST_DAILY_AT);
    return key == null && window == null && dailyAt == null ? null : new TemplateDigest(key, window, dailyAt);
  }

  private String typed(String name) {
    String value = value(name).strip();
    return value.isEmpty() ? null : value;
  }

  private static void putIfSet(Map<String, String> values, String name, String value) {
    if (value != null) {
      values.put(name, value);
    }
  }

  /** True when ticked, else null (left out of the stored settings). */
  private Boolean switchedOn(String name) {
    return "true".equals(value(name)) ? Boolean.TRUE : null;
  }

  private ChannelParts parts(String section, ObjectMapper json, List<FieldViolation> violations) {
    Map<String, Map<String, Object>> parts = new LinkedHashMap<>();
    for (ChannelForm channel : PartLayout.CHANNEL_FORMS) {
      Map<String, Object> fields = new LinkedHashMap<>();
      for (FieldForm field : channel.fields()) {
        String name = name(section, channel, field);
        String text = value(name);
        if (!text.isBlank()) {
          fields.put(field.name(), field.entries() ? entries(name, text, violations) : text);
        }
      }
      if (!fields.isEmpty()) {
        parts.put(channel.key(), fields);
      }
    }
    return json.convertValue(parts, ChannelParts.class);
  }

  private static Map<String, String> entries(String name, String text, List<FieldViolation> violations) {
    Map<String, String> entries = new LinkedHashMap<>();
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      int equals = lines[i].indexOf('=');
      String key = equals < 0 ? "" : lines[i].substring(0, equals).strip();
      if (key.isEmpty()) {
        violations.add(new FieldViolation(name, "line " + (i + 1) + " is not key=value"));
      } else if (entries.put(key, lines[i].substring(equals + 1).strip()) != null) {
        violations.add(new FieldViolation(name, "line " + (i + 1) + " gives '" + key + "' a second time"));
      }
    }
    return entries;
  }

  private static void put(String section, ChannelParts parts, ObjectMapper json, Map<String, String> values) {
    Map<String, Map<String, Object>> byKey = json.convertValue(parts, PARTS_JSON);
    for (ChannelForm channel : PartLayout.CHANNEL_FORMS) {
      Map<String, Object> fields = byKey.get(channel.key());
      if (fields == null) {
        continue;
      }
      for (FieldForm field : channel.fields()) {
        Object value = fields.get(field.name());
        if (value instanceof Map<?, ?> map) {
          List<String> lines = new ArrayList<>();
          map.forEach((k, v) -> lines.add(k + "=" + v));
          values.put(name(section, channel, field), String.join("\n", lines));
        } else if (value != null) {
          values.put(name(section, channel, field), value.toString());
        }
      }
    }
  }

  private static List<String> sections(List<String> tags) {
    List<String> sections = new ArrayList<>();
    sections.add(DEFAULTS);
    tags.forEach(tag -> sections.add(path(tag)));
    return sections;
  }

  static String path(String tag) {
    return "locales." + tag;
  }

  /** A locale's tag with its language's name: ko (Korean), ko-KR (Korean (South Korea)). */
  private static String title(String tag) {
    String language = Locale.forLanguageTag(tag.replace('_', '-')).getDisplayName(Locale.ENGLISH);
    return language.isBlank() || language.equalsIgnoreCase(tag) ? tag : tag + " (" + language + ")";
  }
}
