package dev.herald.activities.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase.Replace.NONE;

import dev.herald.workflows.messages.Channel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The template store on a real PostgreSQL; every test rolls back. */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = NONE)
class TemplatesTest {

  @Autowired Templates templates;
  @Autowired NamedParameterJdbcOperations jdbc;

  @Test
  void versionsAreNumberedFromOneAndStoredWithTheirLocales() {
    templates.create("order-shipped", "shop", "Sent when an order ships");

    TemplateVersion first = templates.addVersion("order-shipped", sms("v1 {{name}}", "ko", "v1 {{name}}님"));
    TemplateVersion second = templates.addVersion("order-shipped", sms("v2 {{name}}", null, null));

    assertThat(first.version()).isEqualTo(1);
    assertThat(second.version()).isEqualTo(2);
    assertThat(templates.version("order-shipped", 1)).get().satisfies(stored -> {
      assertThat(stored.content()).isEqualTo(first.content());
      assertThat(stored.content().locales().get("ko").part(SmsPart.class).body()).isEqualTo("v1 {{name}}님");
      assertThat(stored.createdAt()).isNotNull();
      assertThat(stored.publishedAt()).isNull();
    });
    assertThat(templates.versions("order-shipped")).extracting(TemplateVersion::version).containsExactly(1, 2);
    assertThat(templates.find("order-shipped")).get().extracting(Template::activeVersion).isNull();
  }

  /** Outside the test transaction: the refused update would abort it. Its key is unique to this test. */
  @Test
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  void aVersionCannotBeChanged() {
    templates.create("immutable", "shop", null);
    templates.addVersion("immutable", sms("original", null, null));
    templates.publish("immutable", 1);
    JdbcClient sql = JdbcClient.create(jdbc);

    assertThatThrownBy(() -> sql.sql("""
        update notification_template_version set content = '{"defaults":{"sms":{"body":"changed"}}}'::jsonb
        where template_key = 'immutable' and version = 1""").update())
        .isInstanceOf(DataAccessException.class).hasMessageContaining("template version immutable/1 is immutable");
    assertThatThrownBy(() -> sql.sql("update notification_template_version set published_at = now() where template_key = 'immutable'")
        .update()).isInstanceOf(DataAccessException.class);
    assertThat(templates.version("immutable", 1)).get()
        .satisfies(version -> assertThat(version.content().defaults().part(SmsPart.class).body()).isEqualTo("original"));
  }

  @Test
  void publishingSwitchesTheActiveVersionAndKeepsTheOldOneAsHistory() {
    templates.create("welcome", "shop", null);
    templates.addVersion("welcome", sms("hello v1", null, null));
    templates.addVersion("welcome", sms("hello v2", null, null));

    templates.publish("welcome", 1);
    String beforeSwitch = templates.preview("welcome", null, Channel.SMS, null, Map.of()).content().part(SmsPart.class).body();
    Template switched = templates.publish("welcome", 2);

    assertThat(beforeSwitch).isEqualTo("hello v1");
    assertThat(switched.activeVersion()).isEqualTo(2);
    assertThat(templates.preview("welcome", null, Channel.SMS, null, Map.of()).content().part(SmsPart.class).body()).isEqualTo("hello v2");
    assertThat(templates.preview("welcome", 1, Channel.SMS, null, Map.of()).content().part(SmsPart.class).body()).isEqualTo("hello v1");
    assertThat(templates.versions("welcome")).allSatisfy(version -> assertThat(version.publishedAt()).isNotNull());
  }

  @Test
  void theActiveVersionOfAnUnpublishedTemplateIsNotFound() {
    templates.create("draft-only", "shop", null);
    templates.addVersion("draft-only", sms("draft", null, null));

    assertThatThrownBy(() -> templates.resolve("draft-only", null)).isInstanceOf(TemplateNotFoundException.class)
        .hasMessage("template 'draft-only' has no published version");
    assertThatThrownBy(() -> templates.resolve("draft-only", 7)).hasMessage("template 'draft-only' has no version 7");
    assertThatThrownBy(() -> templates.publish("draft-only", 7)).isInstanceOf(TemplateNotFoundException.class);
    assertThatThrownBy(() -> templates.addVersion("nope", sms("x", null, null)))
        .isInstanceOf(TemplateNotFoundException.class);
  }

  @Test
  void aKeyIsCreatedOnceAndListedByOwner() {
    templates.create("a-one", "shop", null);
    templates.create("b-two", "shop", null);
    templates.create("c-three", "bank", null);

    assertThatThrownBy(() -> templates.create("a-one", "bank", null)).isInstanceOf(TemplateStateException.class);
    assertThat(templates.list("shop")).extracting(Template::templateKey).containsExactly("a-one", "b-two");
    assertThat(templates.list(null)).extracting(Template::templateKey).contains("a-one", "b-two", "c-three");
  }

  @Test
  void theLatestVersionOfEachTemplateIsItsNewest() {
    templates.create("latest-two", "shop", null);
    templates.addVersion("latest-two", sms("one", null, null));
    TemplateVersion second = templates.addVersion("latest-two", sms("two", null, null));
    templates.create("latest-none", "shop", null);

    Map<String, LatestVersion> latest = templates.latestVersions(List.of("latest-two", "latest-none"));

    assertThat(latest).containsOnlyKeys("latest-two");
    assertThat(latest.get("latest-two").version()).isEqualTo(2);
    assertThat(latest.get("latest-two").createdAt()).isEqualTo(second.createdAt());
    assertThat(templates.latestVersions(List.of())).isEmpty();
  }

  @Test
  void onlyATemplateWithoutAnActiveVersionCanBeDeleted() {
    templates.create("deletable", "shop", null);
    templates.addVersion("deletable", sms("x", null, null));
    templates.create("live", "shop", null);
    templates.addVersion("live", sms("x", null, null));
    templates.publish("live", 1);

    assertThat(templates.delete("deletable")).isTrue();
    assertThat(templates.delete("deletable")).isFalse();
    assertThat(templates.versions("deletable")).isEmpty();
    assertThatThrownBy(() -> templates.delete("live")).isInstanceOf(TemplateStateException.class);
    assertThat(templates.find("live")).isPresent();
  }

  private static TemplateContent sms(String body, String locale, String localeBody) {
    ChannelParts defaults = ChannelParts.of(new SmsPart("+15550001111", body));
    return new TemplateContent(defaults, locale == null ? null
        : Map.of(locale, ChannelParts.of(new SmsPart(null, localeBody))));
  }
}
