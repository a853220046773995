package dev.herald.devkit.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.activities.apikey.ApiKeyFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class DevSecretsTest {

  @TempDir Path dataDir;

  final DevSecrets secrets = new DevSecrets(destination -> LogFactory.getLog(DevSecretsTest.class));

  @Test
  void devModeGetsAnAdminKeyAndASigningKeyKeptOwnerOnlyInTheDataFolder() throws IOException {
    MockEnvironment first = devMode();
    secrets.postProcessEnvironment(first, new SpringApplication());
    MockEnvironment second = devMode();
    secrets.postProcessEnvironment(second, new SpringApplication());

    String key = first.getProperty(DevSecrets.BOOTSTRAP);
    assertThat(ApiKeyFormat.prefixOf(key)).isPresent();
    assertThat(second.getProperty(DevSecrets.BOOTSTRAP)).as("the same key after a restart").isEqualTo(key);
    assertThat(Files.readString(dataDir.resolve(DevSecrets.ADMIN_KEY_FILE)).strip()).isEqualTo(key);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(DevSecrets.ADMIN_KEY_FILE))))
        .isEqualTo("rw-------");
    assertThat(first.getProperty(DevSecrets.SIGNING_KEYS + ".dev")).isNotBlank()
        .isEqualTo(second.getProperty(DevSecrets.SIGNING_KEYS + ".dev"));
  }

  @Test
  void devModeGetsAPreferenceLinkKeyKeptAcrossRestartsUnlessKeysAreGiven() throws IOException {
    MockEnvironment first = devMode();
    secrets.postProcessEnvironment(first, new SpringApplication());
    MockEnvironment second = devMode();
    secrets.postProcessEnvironment(second, new SpringApplication());
    MockEnvironment given = devMode().withProperty(DevSecrets.LINK_KEYS, "ops:" + "A".repeat(44));
    secrets.postProcessEnvironment(given, new SpringApplication());

    assertThat(first.getProperty(DevSecrets.LINK_KEYS)).startsWith("dev:")
        .as("links in mails already sent keep working after a restart").isEqualTo(second.getProperty(DevSecrets.LINK_KEYS));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(DevSecrets.LINK_KEY_FILE))))
        .isEqualTo("rw-------");
    assertThat(given.getProperty(DevSecrets.LINK_KEYS)).isEqualTo("ops:" + "A".repeat(44));
  }

  @Test
  void aConfiguredAdminKeyIsUsedAndNothingIsGeneratedForIt() {
    MockEnvironment environment = devMode().withProperty(DevSecrets.BOOTSTRAP, "hk_given000_" + "x".repeat(40));
    secrets.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty(DevSecrets.BOOTSTRAP)).isEqualTo("hk_given000_" + "x".repeat(40));
    assertThat(dataDir.resolve(DevSecrets.ADMIN_KEY_FILE)).doesNotExist();
  }

  @Test
  void outsideDevModeNothingIsGenerated() {
    MockEnvironment environment = new MockEnvironment().withProperty("herald.data-dir", dataDir.toString());
    secrets.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty(DevSecrets.BOOTSTRAP)).isNull();
    assertThat(dataDir.resolve(DevSecrets.ADMIN_KEY_FILE)).doesNotExist();
  }

  private MockEnvironment devMode() {
    return new MockEnvironment().withProperty("herald.dev.enabled", "true")
        .withProperty("herald.data-dir", dataDir.toString());
  }
}
