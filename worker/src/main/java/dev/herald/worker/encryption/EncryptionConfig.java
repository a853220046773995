package dev.herald.worker.encryption;

import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Temporal payloads encrypted ({@link EncryptionCodec}) with the configured keys: workflow and
 * activity inputs and results, signals, queries, memos and failures (their messages and stack traces
 * too, which may quote an address). Search attributes stay plain, and so do workflow summaries
 * ({@link PlainUserMetadata}); neither holds personal data.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EncryptionProperties.class)
public class EncryptionConfig {

  @Bean
  @ConditionalOnExpression(EncryptionProperties.KEYS_CONFIGURED)
  PayloadKeys configuredPayloadKeys(EncryptionProperties properties) {
    return properties.parse();
  }

  @Bean
  EncryptionCodec encryptionCodec(PayloadKeys keys) {
    return new EncryptionCodec(keys);
  }

  @Bean
  DataConverter temporalDataConverter(EncryptionCodec codec) {
    return new CodecDataConverter(DefaultDataConverter.newDefaultInstance(), List.of(codec), true);
  }

  @Bean
  PlainUserMetadata plainUserMetadata(EncryptionCodec codec) {
    return new PlainUserMetadata(codec);
  }
}
