package dev.herald.worker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.activities.startup.StartupFailure;
import org.junit.jupiter.api.Test;

/** The worker starts only on a Temporal cluster, a PostgreSQL and payload keys it is given, and names what is missing. */
class WorkerRequiredSettingsTest {

  @Test
  void theWorkerRefusesToStartWithoutTemporalPostgresAndPayloadKeysNamingEach() {
    // empty on the command line: whatever this machine's environment sets, these count as missing
    assertThatThrownBy(() -> WorkerApplication.run(new String[0], "--herald.temporal.address=",
        "--spring.datasource.url=", "--herald.temporal.encryption.keys=", "--spring.main.web-application-type=none"))
        .isInstanceOf(StartupFailure.class)
        .hasMessageContaining("Herald's worker")
        .hasMessageContaining("herald.temporal.address (TEMPORAL_ADDRESS)")
        .hasMessageContaining("spring.datasource.url (JDBC_URL)")
        .hasMessageContaining("herald.temporal.encryption.keys (TEMPORAL_PAYLOAD_KEYS)")
        .hasMessageNotContaining("KAFKA_BOOTSTRAP_SERVERS");
  }

  @Test
  void aWorkerWithAnSmtpServerRefusesToStartWithoutThePublicUrlAndLinkKeysOfTheUnsubscribeLink() {
    assertThatThrownBy(() -> WorkerApplication.run(new String[0], "--herald.temporal.address=localhost:7233",
        "--spring.datasource.url=jdbc:postgresql://localhost/herald", "--herald.temporal.encryption.keys=k:x",
        "--herald.email.smtp.host=mail.example.com", "--herald.public-url=", "--herald.preferences.links.keys=",
        "--spring.main.web-application-type=none"))
        .isInstanceOf(StartupFailure.class)
        .hasMessageContaining("herald.public-url (HERALD_PUBLIC_URL)")
        .hasMessageContaining("herald.preferences.links.keys (HERALD_PREFERENCE_LINK_KEYS)")
        .hasMessageNotContaining("TEMPORAL_ADDRESS");
  }
}
