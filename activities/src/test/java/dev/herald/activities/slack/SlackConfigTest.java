package dev.herald.activities.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** When this process has a Slack channel: a bot token configures it; without one, only dev mode's simulator does. */
class SlackConfigTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(SlackConfig.class, SlackChannel.class);

  @Test
  void aBotTokenMakesTheSlackChannelPostToTheConfiguredEndpoint() {
    context.withPropertyValues("herald.slack.token=xoxb-configured", "herald.slack.base-url=http://127.0.0.1:9/slack",
        "herald.slack.timeout=3s").run(app -> {
          assertThat(app).hasSingleBean(SlackChannel.class).hasSingleBean(SlackApiSender.class);
          SlackWorkspace workspace = app.getBean(SlackWorkspace.class);
          assertThat(workspace.token()).isEqualTo("xoxb-configured");
          assertThat(workspace.methodsUrlPrefix()).contains("http://127.0.0.1:9/slack/api/");
          assertThat(app.getBean(SlackProperties.class).timeout()).isEqualTo(Duration.ofSeconds(3));
        });
  }

  @Test
  void withoutATokenOutsideDevModeThereIsNoSlackChannel() {
    context.run(app -> assertThat(app).doesNotHaveBean(SlackChannel.class).doesNotHaveBean(SlackApiSender.class)
        .doesNotHaveBean(SlackWorkspace.class));
  }

  @Test
  void aBaseUrlThatIsNoUrlIsRefusedAtStartUp() {
    context.withPropertyValues("herald.slack.token=xoxb-configured", "herald.slack.base-url=slack.example")
        .run(app -> assertThat(app).hasFailed());
  }
}
