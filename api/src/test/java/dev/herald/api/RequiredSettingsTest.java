package dev.herald.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.activities.startup.RequiredSettings;
import dev.herald.activities.startup.StartupFailure;
import org.junit.jupiter.api.Test;

/** The API starts only on infrastructure and with payload keys its settings name, and says which are missing. */
class RequiredSettingsTest {

  @Test
  void theApiRefusesToStartWithoutItsInfrastructureNamingEveryMissingSetting() {
    // empty on the command line: whatever this machine's environment sets, these count as missing
    assertThatThrownBy(() -> HeraldApplication.application().run("--herald.temporal.address=",
        "--spring.datasource.url=", "--spring.kafka.bootstrap-servers=", "--herald.temporal.encryption.keys=",
        "--spring.main.web-application-type=none"))
        .isInstanceOf(StartupFailure.class)
        .hasMessageContaining("Herald's API")
        .hasMessageContaining("herald.temporal.address (TEMPORAL_ADDRESS)")
        .hasMessageContaining("spring.datasource.url (JDBC_URL)")
        .hasMessageContaining("spring.kafka.bootstrap-servers (KAFKA_BOOTSTRAP_SERVERS)")
        .hasMessageContaining("herald.temporal.encryption.keys (TEMPORAL_PAYLOAD_KEYS)")
        .hasMessageContaining(RequiredSettings.DEV_KIT);
  }
}
