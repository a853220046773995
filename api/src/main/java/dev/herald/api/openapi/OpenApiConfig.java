package dev.herald.api.openapi;

import dev.herald.api.security.OpenPaths;
import dev.herald.api.web.ApiProperties;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 document at {@code /v3/api-docs}: Herald's REST API by feature (tags), its
 * schemas with the Bean Validation constraints, every operation's problems and examples of the main
 * requests. Swagger UI on it is the dev kit's alone.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

  @Bean
  OpenAPI heraldOpenApi(ApiProperties api) {
    return new OpenAPI()
        .info(new Info().title("Herald").version(api.version())
            .description("Herald's REST API: notifications over email, SMS, voice, push, an in-app inbox and Slack, "
                + "each a durable Temporal workflow. Every error is an RFC 9457 problem (application/problem+json); "
                + "the ProblemDetail schema lists the types. The guide: docs/api.md."))
        .tags(List.of(
            new Tag().name(ApiTags.NOTIFICATIONS).description("send, follow, control (approve, pause, resume, cancel), history"),
            new Tag().name(ApiTags.APPROVALS).description("sends waiting for an admin's decision"),
            new Tag().name(ApiTags.DEAD_LETTERS).description("deliveries that failed for good and request events refused "
                + "at the door: inspect, re-drive, discard (admin only)"),
            new Tag().name(ApiTags.RECIPIENTS).description("a sender's stored recipients by its own id (ids are unique per sender, "
                + "the owner), and their bulk import"),
            new Tag().name(ApiTags.GROUPS).description("a sender's recipient groups and their members, for broadcasts"),
            new Tag().name(ApiTags.DEVICES).description("the push devices (FCM registration tokens) of a sender's recipient"),
            new Tag().name(ApiTags.PREFERENCES).description("what recipients chose: opt-outs by category and channel, "
                + "suppressed addresses, and the categories admins mark critical; every send checks them"),
            new Tag().name(ApiTags.TEMPLATES).description("templates (the notification types), their versions and previews"),
            new Tag().name(ApiTags.ATTACHMENTS).description("files uploaded once (streamed, size-limited, type-checked) "
                + "for notifications to name by id"),
            new Tag().name(ApiTags.INBOX).description("the in-app inbox of a sender's recipient, and its live stream"),
            new Tag().name(ApiTags.API_KEYS).description("senders' and admins' API keys (admin only)"),
            new Tag().name(ApiTags.STATS).description("delivery figures from the delivery log: outcomes, failure rate and "
                + "time to deliver per channel and priority, what waits now (admin only)"),
            new Tag().name(ApiTags.WEBHOOKS).description("provider callbacks: Twilio's receipts and inbound SMS"),
            new Tag().name(ApiTags.TEMPORAL_CODEC)
                .description("Temporal's remote codec protocol, for the Temporal UI and CLI to read encrypted payloads"),
            new Tag().name(ApiTags.DEV_KIT).description("the dev kit only: the outbox of what was sent, fault injection")));
  }

  @Bean
  OpenApiCustomizer bearerSecurity(OpenPaths openPaths) {
    return new BearerSecurity(openPaths);
  }

  @Bean
  OperationCustomizer problemResponses() {
    return new ProblemResponsesCustomizer();
  }

  @Bean
  PropertyCustomizer textRuleLengths() {
    return new TextRuleLengths();
  }

  @Bean
  OpenApiCustomizer heraldSchemas() {
    return openApi -> {
      ProblemSchema.addTo(openApi);
      NullableProperties.apply(openApi);
      RequestExamples.addTo(openApi);
    };
  }
}
