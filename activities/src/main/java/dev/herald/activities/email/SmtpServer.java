package dev.herald.activities.email;

/** Where the SMTP client connects: an external server or the embedded sink. No credentials: null. */
public record SmtpServer(String host, int port, String username, String password, boolean startTls) {

  public SmtpServer {
    if (username != null && username.isBlank()) {
      username = null;
      password = null;
    }
  }

  public boolean authenticates() {
    return username != null;
  }

  @Override
  public String toString() {
    return "SmtpServer[" + host + ":" + port + (username == null ? "" : ", user " + username) + "]";
  }
}
