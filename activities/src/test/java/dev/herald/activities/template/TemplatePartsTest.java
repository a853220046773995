package dev.herald.activities.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.herald.workflows.messages.Channel;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The part registry and the JSON shape of parts, as stored and as the REST API reads and writes them. */
class TemplatePartsTest {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  @ParameterizedTest
  @EnumSource(Channel.class)
  void everyChannelHasAPartType(Channel channel) {
    assertThat(TemplateParts.key(channel)).isNotBlank();
  }

  @Test
  void partsAreKeyedByChannelInRegistryOrderWithoutNulls() throws Exception {
    ChannelParts parts = ChannelParts.of(new SlackPart("hi"), new SmsPart(null, "hi {{name}}"),
        new EmailPart("a@example.com", "s", null, "t"), new InAppPart(null, "b", null));

    String json = JSON.writeValueAsString(parts);

    assertThat(json).isEqualTo("{\"email\":{\"from\":\"a@example.com\",\"subject\":\"s\",\"text\":\"t\"},"
        + "\"sms\":{\"body\":\"hi {{name}}\"},\"inApp\":{\"body\":\"b\"},\"slack\":{\"text\":\"hi\"}}");
    assertThat(JSON.readValue(json, ChannelParts.class)).isEqualTo(parts);
  }

  @Test
  void contentWithoutDefaultsKeepsAnEmptyDefaultsObject() throws Exception {
    TemplateContent content = new TemplateContent(null, Map.of("ko", ChannelParts.of(new SmsPart(null, "x"))));

    assertThat(JSON.writeValueAsString(content)).isEqualTo("{\"defaults\":{},\"locales\":{\"ko\":{\"sms\":{\"body\":\"x\"}}}}");
  }

  @Test
  void aNullPartIsNoPart() throws Exception {
    assertThat(JSON.readValue("{\"sms\":null,\"push\":{\"title\":\"t\",\"data\":{\"k\":\"v\"}}}", ChannelParts.class))
        .isEqualTo(ChannelParts.of(new PushPart("t", null, null, null, Map.of("k", "v"))));
  }

  @Test
  void anUnknownChannelOrFieldIsNamedWithItsPath() {
    assertThatThrownBy(() -> JSON.readValue("{\"defaults\":{\"fax\":{\"body\":\"x\"}}}", TemplateContent.class))
        .isInstanceOfSatisfying(UnrecognizedPropertyException.class, e -> {
          assertThat(e.getPathReference()).contains("defaults").contains("fax");
          assertThat(e.getKnownPropertyIds()).contains("email", "inApp", "slack");
        });
    assertThatThrownBy(() -> JSON.readValue("{\"defaults\":{\"sms\":{\"text\":\"x\"}}}", TemplateContent.class))
        .isInstanceOfSatisfying(UnrecognizedPropertyException.class,
            e -> assertThat(e.getPath()).extracting(ref -> ref.getFieldName()).containsExactly("defaults", "sms", "text"));
  }

  @Test
  void aPartOnAnotherChannelIsRefused() {
    assertThatThrownBy(() -> new ChannelParts(Map.of(Channel.EMAIL, new SmsPart(null, "x"))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
