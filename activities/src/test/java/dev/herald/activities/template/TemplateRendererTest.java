package dev.herald.activities.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.workflows.messages.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rendering a loaded version: escaping per channel, locale fallback, strict variables, sections. */
class TemplateRendererTest {

  static final ChannelParts DEFAULTS = ChannelParts.of(
      new EmailPart("shop@example.com", "Order {{order.id}} shipped: {{item}}",
          "<p>Hi {{name}}, {{item}} is on its way</p>", "Hi {{name}}, {{item}} is on its way"),
      new SmsPart("+15550001111", "{{item}} shipped"),
      new VoicePart("+15550001111", "Your order {{order.id}} shipped", "Polly.Joanna", "en-US"),
      new PushPart("Shipped: {{item}}", "Order {{order.id}}", "https://example.com/i.png",
          "https://example.com/o/{{order.id}}", Map.of("orderId", "{{order.id}}")),
      new InAppPart("Shipped", "{{item}} <3", "/orders/{{order.id}}"),
      new SlackPart("*Shipped:* {{item}}, order <https://example.com/o/{{order.id}}|{{order.id}}>"));

  static final ChannelParts KOREAN = ChannelParts.of(
      new EmailPart(null, "{{name}}님, 주문 {{order.id}}이(가) 발송되었습니다", "<p>{{name}}님 안녕하세요</p>",
          "{{name}}님 안녕하세요"),
      new SmsPart("+821012345678", "[헤럴드] {{name}}님, 주문이 발송되었습니다"),
      new SlackPart("*발송 완료:* {{name}}님, 주문 {{order.id}}"));

  static final ChannelParts KOREAN_KOREA = ChannelParts.of(
      new SmsPart(null, "[헤럴드 한국] {{name}}님 주문 {{order.id}} 발송"));

  static final TemplateVersion VERSION = new TemplateVersion("order-shipped", 3,
      new TemplateContent(DEFAULTS, Map.of("ko", KOREAN, "ko-KR", KOREAN_KOREA)), Instant.EPOCH, null);

  static final Map<String, Object> VARIABLES = Map.of("name", "Ada & <Bob>", "item", "Tea & \"Cups\"",
      "order", Map.of("id", "A-42"));

  @Test
  void emailHtmlIsEscapedAndEverythingElseIsNot() {
    RenderedTemplate rendered = TemplateRenderer.render(VERSION, null, null, VARIABLES);

    ChannelParts content = rendered.content();
    EmailPart email = content.part(EmailPart.class);
    PushPart push = content.part(PushPart.class);
    assertThat(email.html()).isEqualTo("<p>Hi Ada &amp; &lt;Bob&gt;, Tea &amp; &quot;Cups&quot; is on its way</p>");
    assertThat(email.text()).isEqualTo("Hi Ada & <Bob>, Tea & \"Cups\" is on its way");
    assertThat(email.subject()).isEqualTo("Order A-42 shipped: Tea & \"Cups\"");
    assertThat(content.part(SmsPart.class).body()).isEqualTo("Tea & \"Cups\" shipped");
    assertThat(content.part(VoicePart.class).script()).isEqualTo("Your order A-42 shipped");
    assertThat(push.title()).isEqualTo("Shipped: Tea & \"Cups\"");
    assertThat(push.link()).isEqualTo("https://example.com/o/A-42");
    assertThat(push.data()).containsExactly(Map.entry("orderId", "A-42"));
    assertThat(content.part(InAppPart.class).body()).isEqualTo("Tea & \"Cups\" <3");
    assertThat(content.part(SlackPart.class).text())
        .isEqualTo("*Shipped:* Tea & \"Cups\", order <https://example.com/o/A-42|A-42>");
    assertThat(rendered.locales()).containsOnlyKeys(Channel.values()).containsValue(RenderedTemplate.DEFAULT_LOCALE);
  }

  @Test
  void localeFallsBackFromRegionToLanguageToDefaultPerChannel() {
    RenderedTemplate rendered = TemplateRenderer.render(VERSION, null, "ko-KR", VARIABLES);

    SmsPart sms = rendered.content().part(SmsPart.class);
    EmailPart email = rendered.content().part(EmailPart.class);
    assertThat(sms.body()).isEqualTo("[헤럴드 한국] Ada & <Bob>님 주문 A-42 발송");
    assertThat(email.subject()).isEqualTo("Ada & <Bob>님, 주문 A-42이(가) 발송되었습니다");
    assertThat(rendered.content().part(PushPart.class).title()).isEqualTo("Shipped: Tea & \"Cups\"");
    assertThat(sms.from()).as("the sender is inherited").isEqualTo("+821012345678");
    assertThat(email.from()).as("the sender is inherited").isEqualTo("shop@example.com");
    assertThat(email.html()).as("text is never mixed across locales")
        .isEqualTo("<p>Ada &amp; &lt;Bob&gt;님 안녕하세요</p>");
    assertThat(rendered.locales()).containsEntry(Channel.SMS, "ko-KR").containsEntry(Channel.EMAIL, "ko")
        .containsEntry(Channel.PUSH, RenderedTemplate.DEFAULT_LOCALE);
  }

  @Test
  void aSlackMessageIsTheRenderedTextAsBodyInTheMembersLocale() throws Exception {
    var english = TemplateRenderer.message(VERSION, Channel.SLACK, "en", VARIABLES);
    var korean = TemplateRenderer.message(VERSION, Channel.SLACK, "ko-KR", VARIABLES);

    assertThat(english).isEqualTo(new dev.herald.activities.channel.RenderedMessage(null, null,
        "*Shipped:* Tea & \"Cups\", order <https://example.com/o/A-42|A-42>", null));
    assertThat(korean.body()).isEqualTo("*발송 완료:* Ada & <Bob>님, 주문 A-42");
  }

  @Test
  void aSlackSendWithATemplateWithoutASlackPartIsAPermanentTemplateError() {
    TemplateVersion smsOnly = version(new SmsPart(null, "hi"));

    assertThatThrownBy(() -> TemplateRenderer.message(smsOnly, Channel.SLACK, null, Map.of()))
        .isInstanceOfSatisfying(dev.herald.activities.channel.ProviderSendException.class, e -> {
          assertThat(e.type()).isEqualTo(dev.herald.workflows.messages.DeliveryErrorType.TEMPLATE_ERROR);
          assertThat(e.providerCode()).isEqualTo("template-invalid");
          assertThat(e).hasMessageContaining("has no SLACK part");
        });
  }

  @Test
  void aLanguageOnlyOrUnknownLocaleResolvesToTheLanguageOrDefault() {
    assertThat(sms(VERSION, "ko")).startsWith("[헤럴드] ");
    assertThat(sms(VERSION, "ko_kr")).startsWith("[헤럴드 한국] ");
    assertThat(sms(VERSION, "fr-CA")).isEqualTo("Tea & \"Cups\" shipped");
  }

  @Test
  void oneChannelRendersOnlyThatChannel() {
    RenderedTemplate rendered = TemplateRenderer.render(VERSION, Channel.PUSH, "en", VARIABLES);

    assertThat(rendered.content().part(PushPart.class)).isNotNull();
    assertThat(rendered.content().part(EmailPart.class)).isNull();
    assertThat(rendered.content().part(SmsPart.class)).isNull();
    assertThat(rendered.locales()).containsOnlyKeys(Channel.PUSH);
  }

  @Test
  void aMissingNestedVariableIsNamedWithTheField() {
    assertThatThrownBy(() -> TemplateRenderer.render(VERSION, Channel.EMAIL, null,
        Map.of("name", "Ada", "item", "Tea", "order", Map.of())))
        .isInstanceOfSatisfying(MissingTemplateVariableException.class, e -> {
          assertThat(e.variable()).isEqualTo("order.id");
          assertThat(e.field()).isEqualTo("email.subject");
          assertThat(e).hasMessage("missing variable 'order.id' in email.subject");
        });
  }

  @Test
  void aMissingVariableInPushDataNamesTheDataKey() {
    assertThatThrownBy(() -> TemplateRenderer.render(VERSION, Channel.PUSH, null, Map.of("item", "Tea")))
        .isInstanceOfSatisfying(MissingTemplateVariableException.class, e -> {
          assertThat(e.variable()).isEqualTo("order.id");
          assertThat(e.field()).startsWith("push.");
        });
  }

  @Test
  void aMissingTopLevelVariableIsNamed() {
    assertThatThrownBy(() -> TemplateRenderer.render(VERSION, Channel.SMS, null, Map.of()))
        .isInstanceOfSatisfying(MissingTemplateVariableException.class, e -> {
          assertThat(e.variable()).isEqualTo("item");
          assertThat(e.field()).isEqualTo("sms.body");
        });
  }

  @Test
  void sectionsIterateListsAndSkipMissingOrFalseBlocks() {
    TemplateVersion version = version(new SmsPart(null,
        "{{#items}}{{name}} x{{qty}}; {{/items}}{{^items}}nothing{{/items}}{{#coupon}} code {{code}}{{/coupon}}{{#vip}}!{{/vip}}"));

    String withItems = sms(version, Map.of("items", List.of(Map.of("name", "Tea", "qty", 2), Map.of("name", "Cup", "qty", 1)),
        "vip", true));
    String empty = sms(version, Map.of("items", List.of(), "coupon", Map.of("code", "KO10")));

    assertThat(withItems).isEqualTo("Tea x2; Cup x1; !");
    assertThat(empty).isEqualTo("nothing code KO10");
  }

  @Test
  void aNullValueRendersEmptyButAnAbsentOneFails() {
    TemplateVersion version = version(new SmsPart(null, "Hi {{nickname}}."));
    java.util.HashMap<String, Object> withNull = new java.util.HashMap<>();
    withNull.put("nickname", null);

    assertThat(sms(version, withNull)).isEqualTo("Hi .");
    assertThatThrownBy(() -> sms(version, Map.of())).isInstanceOf(MissingTemplateVariableException.class);
  }

  @Test
  void aChannelTheVersionLacksIsARenderError() {
    TemplateVersion version = version(new SmsPart(null, "hi"));

    assertThatThrownBy(() -> TemplateRenderer.render(version, Channel.VOICE, null, Map.of()))
        .isInstanceOfSatisfying(TemplateRenderException.class, e -> assertThat(e.field()).isEqualTo("channel"))
        .hasMessageContaining("has no VOICE part");
  }

  @Test
  void aTagMustacheFailsOnIsARenderErrorNamingTheField() {
    TemplateVersion version = version(new SmsPart(null, "{{#name}}Welcome back, {{..}}{{/name}}"));

    assertThatThrownBy(() -> sms(version, Map.of("name", "Ada")))
        .isInstanceOfSatisfying(TemplateRenderException.class, e -> assertThat(e.field()).isEqualTo("sms.body"))
        .isNotInstanceOf(MissingTemplateVariableException.class)
        .hasMessage("sms.body: Mustache cannot render it (a tag of dots alone, such as {{..}}, is one cause)");
  }

  @Test
  void aMissingVariableWrittenAfterADotIsNamedAsWrittenNotAsTheCurrentValue() {
    TemplateVersion version = version(new SmsPart(null, "{{#tags}}{{.}} {{/tags}}for {{.name}}"));

    assertThatThrownBy(() -> sms(version, Map.of()))
        .isInstanceOfSatisfying(MissingTemplateVariableException.class, e -> assertThat(e.variable()).isEqualTo(".name"));
  }

  @Test
  void badSyntaxNamesTheField() {
    assertThatThrownBy(() -> MustacheParts.check("Hi {{#name}}", "defaults.sms.body"))
        .isInstanceOfSatisfying(TemplateRenderException.class, e -> assertThat(e.field()).isEqualTo("defaults.sms.body"));
  }

  @Test
  void partialsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> MustacheParts.check("Hi {{> footer}}", "defaults.sms.body"))
        .isInstanceOfSatisfying(TemplateRenderException.class, e -> assertThat(e.field()).isEqualTo("defaults.sms.body"))
        .hasMessageContaining("partials");
    assertThatThrownBy(() -> sms(version(new SmsPart(null, "Hi {{> footer}}")), Map.of()))
        .isInstanceOf(TemplateRenderException.class).hasMessageContaining("partials");
  }

  private static TemplateVersion version(SmsPart sms) {
    return new TemplateVersion("t", 1, new TemplateContent(ChannelParts.of(sms), null),
        Instant.EPOCH, null);
  }

  private static String sms(TemplateVersion version, String locale) {
    return TemplateRenderer.render(version, Channel.SMS, locale, VARIABLES).content().part(SmsPart.class).body();
  }

  private static String sms(TemplateVersion version, Map<String, ?> variables) {
    return TemplateRenderer.render(version, Channel.SMS, null, variables).content().part(SmsPart.class).body();
  }
}
