package dev.herald.activities.slack;

import java.util.Optional;

/**
 * The Slack workspace Herald posts to and where its Web API is reached: the configured app, or in
 * dev mode the local simulator (whose address is known only once the web server listens, hence
 * methods rather than fixed values).
 */
public interface SlackWorkspace {

  /** The bot token every call is authorized with ({@code Authorization: Bearer <token>}). */
  String token();

  /**
   * The prefix of the Web API's method URLs, {@code https://slack.com/api/} for Slack itself; empty
   * while the API cannot be reached yet (a simulator whose server does not listen yet).
   */
  Optional<String> methodsUrlPrefix();
}
