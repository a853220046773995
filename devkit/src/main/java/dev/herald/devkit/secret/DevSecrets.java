package dev.herald.devkit.secret;

import dev.herald.activities.apikey.ApiKeyFormat;
import dev.herald.activities.preference.links.PreferenceLinks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;

/**
 * The dev kit's own secrets, kept in its data folder ({@code herald.data-dir}) so they survive a
 * restart: an admin key ({@code admin-key}, unless {@code HERALD_BOOTSTRAP_ADMIN_KEY} gives one),
 * printed in the log when it is generated, the recipient token signing key ({@code
 * recipient-token-key}, unless signing keys are configured) and the key of unsubscribe links ({@code
 * preference-link-key}, unless {@code HERALD_PREFERENCE_LINK_KEYS} gives them; kept, so that links in
 * mails already sent keep working). Files are created readable by their owner only. Only in dev mode ({@code herald.dev.enabled}): elsewhere nothing is generated.
 */
public class DevSecrets implements EnvironmentPostProcessor, Ordered {

  static final String ADMIN_KEY_FILE = "admin-key";
  static final String SIGNING_KEY_FILE = "recipient-token-key";
  static final String SIGNING_KEY_ID = "dev";
  static final String BOOTSTRAP = "herald.security.bootstrap-admin-key";
  static final String SIGNING_KEYS = "herald.security.recipient-tokens.keys";
  static final String LINK_KEY_FILE = "preference-link-key";
  static final String LINK_KEYS = PreferenceLinks.KEYS_PROPERTY;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Log log;

  public DevSecrets(DeferredLogFactory logs) {
    this.log = logs.getLog(DevSecrets.class);
  }

  /** After the config files are read, so dev mode and the data folder are known. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.getProperty("herald.dev.enabled", Boolean.class, false)) {
      return;
    }
    Path dir = Path.of(environment.getProperty("herald.data-dir", ".herald"));
    Map<String, Object> secrets = new HashMap<>();
    if (isBlank(environment.getProperty(BOOTSTRAP))) {
      Path file = dir.resolve(ADMIN_KEY_FILE);
      String key = readOrCreate(file, ApiKeyFormat::generate, generated -> log.warn("Dev kit admin key (shown once; "
          + "also in " + file.toAbsolutePath() + "): " + generated));
      secrets.put(BOOTSTRAP, key);
    }
    if (!hasSigningKeys(environment)) {
      String key = readOrCreate(dir.resolve(SIGNING_KEY_FILE), DevSecrets::signingKey, generated -> {});
      secrets.put(SIGNING_KEYS + "." + SIGNING_KEY_ID, key);
      secrets.put("herald.security.recipient-tokens.signing-key", SIGNING_KEY_ID);
    }
    if (isBlank(environment.getProperty(LINK_KEYS))) {
      secrets.put(LINK_KEYS, SIGNING_KEY_ID + ":" + readOrCreate(dir.resolve(LINK_KEY_FILE), DevSecrets::signingKey,
          generated -> {}));
    }
    if (!secrets.isEmpty()) {
      environment.getPropertySources().addFirst(new MapPropertySource("herald-dev-secrets", secrets));
    }
  }

  private static boolean hasSigningKeys(ConfigurableEnvironment environment) {
    return environment.getPropertySources().stream()
        .filter(EnumerablePropertySource.class::isInstance)
        .flatMap(s -> Arrays.stream(((EnumerablePropertySource<?>) s).getPropertyNames()))
        .anyMatch(name -> name.startsWith(SIGNING_KEYS + ".") || name.startsWith("HERALD_SECURITY_RECIPIENTTOKENS_KEYS"));
  }

  /** The file's secret, or a new one written to a new file (owner read/write only) when there is none. */
  private static String readOrCreate(Path file, Supplier<String> generator, Consumer<String> onNew) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
      }
      Files.createDirectories(file.getParent());
      String secret = generator.get();
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (FileAlreadyExistsException raced) {
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
      }
      Files.writeString(file, secret + "\n", StandardCharsets.US_ASCII);
      onNew.accept(secret);
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the dev kit's secret in " + file, e);
    }
  }

  private static String signingKey() {
    return Base64.getEncoder().encodeToString(bytes(32));
  }

  private static byte[] bytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
