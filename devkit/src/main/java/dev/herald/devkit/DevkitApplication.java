package dev.herald.devkit;

import dev.herald.api.HeraldApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * Herald's dev kit: the API and the workers ({@link HeraldApplication}) with what the embedded
 * default starts in this process (Temporal, PostgreSQL, Kafka, an SMTP sink, the provider
 * simulators) and the dev-only outbox and fault injection. Settings: the api's application.yml, then
 * application-devkit.yml (the {@value #PROFILE} profile). Never deployed: the README's run command.
 */
@SpringBootApplication
@Import(HeraldApplication.class)
public class DevkitApplication {

  /** The profile whose settings (application-devkit.yml) make the dev kit. */
  public static final String PROFILE = "devkit";

  public static void main(String[] args) {
    SpringApplication app = new SpringApplication(DevkitApplication.class);
    app.setAdditionalProfiles(PROFILE);
    app.run(args);
  }
}
