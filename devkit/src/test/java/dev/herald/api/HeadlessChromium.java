package dev.herald.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the browser tests find their tools: playwright-core ({@code HERALD_PLAYWRIGHT_DIR}), Debian's
 * Chromium ({@code CHROMIUM}) and axe-core's script ({@code HERALD_AXE}); ./test.sh installs and sets
 * all three. A missing one fails the test with how to install it.
 */
public final class HeadlessChromium {

  public static final String INSTALL = "apt-get install -y chromium nodejs npm (Node >= 20) && npm install --prefix "
      + "~/.cache/herald/playwright playwright-core@1.65.1 && npm install --prefix ~/.cache/herald/axe-4.14.1 "
      + "axe-core@4.14.1 (or run ./test.sh, which installs all of it)";

  private HeadlessChromium() {}

  public static Path playwright() {
    Map<String, String> env = System.getenv();
    Path dir = env.containsKey("HERALD_PLAYWRIGHT_DIR") ? Path.of(env.get("HERALD_PLAYWRIGHT_DIR"))
        : cache().resolve("playwright/node_modules/playwright-core");
    return existing(dir, "playwright-core", "HERALD_PLAYWRIGHT_DIR");
  }

  public static Path chromium() {
    for (String candidate : List.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"), "/usr/bin/chromium-browser")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    throw new IllegalStateException("no Chromium at /usr/bin/chromium (CHROMIUM); install it: " + INSTALL);
  }

  public static Path axe() {
    String given = System.getenv("HERALD_AXE");
    Path script = given != null ? Path.of(given) : cache().resolve("axe-4.14.1/node_modules/axe-core/axe.min.js");
    return existing(script, "axe-core", "HERALD_AXE");
  }

  private static Path cache() {
    return Path.of(System.getProperty("user.home"), ".cache", "herald");
  }

  private static Path existing(Path path, String what, String variable) {
    if (!Files.exists(path)) {
      throw new IllegalStateException("no " + what + " at " + path + " (" + variable + "); install it: " + INSTALL);
    }
    return path;
  }
}
