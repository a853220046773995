package dev.herald.devkit.embedded;

import dev.herald.worker.encryption.EncryptionProperties;
import dev.herald.worker.encryption.PayloadKey;
import dev.herald.worker.encryption.PayloadKeys;
import java.security.SecureRandom;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * No {@code TEMPORAL_PAYLOAD_KEYS}: the dev kit's own key for Temporal payloads. A Temporal that keeps
 * history (the CLI's dev server, or one at {@code TEMPORAL_ADDRESS}) gets the key kept in the data
 * folder, so its history stays readable after a restart; the in-process server, which keeps nothing,
 * a new one each start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataDirProperties.class)
@ConditionalOnExpression(EncryptionProperties.NO_KEYS_CONFIGURED)
class DevPayloadKeysConfig {

  @Bean
  @Conditional(TemporalServerCondition.KeepsHistory.class)
  PayloadKeys keptPayloadKeys(DataDirProperties data) {
    return new DevKeyFile(data.dataDir()).readOrCreate();
  }

  @Bean
  @Conditional(TemporalServerCondition.InProcess.class)
  PayloadKeys inProcessPayloadKeys() {
    return new PayloadKeys(List.of(PayloadKey.generate("in-process", new SecureRandom())));
  }
}
