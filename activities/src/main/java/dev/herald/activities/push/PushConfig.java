package dev.herald.activities.push;

import java.io.IOException;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The push sender: FCM through the Firebase Admin SDK, real or simulated (see {@link FcmProperties}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FcmProperties.class)
public class PushConfig {

  @Bean(destroyMethod = "close")
  @ConditionalOnExpression(FcmProperties.AVAILABLE)
  FcmPushSender fcmPushSender(FcmProperties properties, ObjectProvider<FcmEndpoint> inProcess) throws IOException {
    return new FcmPushSender(properties,
        () -> Optional.ofNullable(inProcess.getIfAvailable()).flatMap(FcmEndpoint::baseUrl));
  }
}
