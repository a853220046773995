package dev.herald.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.HeraldIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console in a real browser (headless Chromium through playwright-core, scenarios in
 * src/test/resources/console/scenarios): what a person signing in sees and can do. Screenshots of
 * every page are kept in target/console-screenshots.
 */
class ConsoleBrowserIT extends HeraldIntegrationTest {

  @Test
  void everyPageFitsAPhoneAndADesktopWithoutErrorsOrAccessibilityViolations() throws Exception {
    Map<String, Object> seen = new ConsoleBrowser(port).run("pages", Map.of("adminKey", ADMIN_KEY));

    assertThat(seen.get("checked")).asList().contains("sign-in");
  }
}
