package dev.herald.activities.email;

/** Where the SMTP client connects: an external server or the embedded sink. */
public record SmtpServer(String host, int port, String username, String password, boolean startTls) {

  @Override
  public String toString() {
    return "SmtpServer[" + host + ":" + port + (username == null ? "" : ", user " + username) + "]";
  }
}
