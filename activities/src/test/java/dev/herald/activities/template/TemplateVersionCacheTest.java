package dev.herald.activities.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase.Replace.NONE;

import dev.herald.activities.channel.ProviderSendException;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.DeliveryErrorType;
import dev.herald.workflows.messages.TemplateRef;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;

/** Numbered versions are read once: they never change. Every test rolls back. */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = NONE)
class TemplateVersionCacheTest {

  @Autowired Templates templates;
  @Autowired TemplateRenderer renderer;

  @Test
  void aNumberedVersionIsReadOnceThenServedFromTheCache() throws ProviderSendException {
    templates.create("cached", "shop", null);
    templates.addVersion("cached", new TemplateContent(ChannelParts.of(new SmsPart(null, "Hi {{name}}")), null));
    TemplateRef ref = new TemplateRef("cached", 1, Map.of("name", "Ada"));
    assertThat(renderer.message(ref, Channel.SMS, null).body()).isEqualTo("Hi Ada");

    templates.delete("cached");

    assertThat(templates.version("cached", 1)).isEmpty();
    assertThat(renderer.message(ref, Channel.SMS, null).body()).isEqualTo("Hi Ada");
  }

  @Test
  void anUnknownVersionIsAPermanentTemplateErrorAndIsNotCached() throws ProviderSendException {
    TemplateRef ref = new TemplateRef("not-yet", 1, Map.of());

    assertThatThrownBy(() -> renderer.message(ref, Channel.SMS, null))
        .isInstanceOfSatisfying(ProviderSendException.class, e -> {
          assertThat(e.type()).isEqualTo(DeliveryErrorType.TEMPLATE_ERROR);
          assertThat(e.providerCode()).isEqualTo("template-invalid");
        });
    templates.create("not-yet", "shop", null);
    templates.addVersion("not-yet", new TemplateContent(ChannelParts.of(new SmsPart(null, "Now")), null));
    assertThat(renderer.message(ref, Channel.SMS, null).body()).isEqualTo("Now");
  }

  @Test
  void theCacheKeepsOnlyTheMostRecentlyUsed() {
    AtomicInteger loads = new AtomicInteger();
    LruCache<Integer, String> cache = new LruCache<>(2);

    cache.get(1, k -> "one" + loads.incrementAndGet());
    cache.get(2, k -> "two" + loads.incrementAndGet());
    cache.get(1, k -> "one" + loads.incrementAndGet());
    cache.get(3, k -> "three" + loads.incrementAndGet());

    assertThat(cache.get(1, k -> "reloaded")).isEqualTo("one1");
    assertThat(cache.get(2, k -> "reloaded")).isEqualTo("reloaded");
    assertThat(loads).hasValue(3);
  }
}
