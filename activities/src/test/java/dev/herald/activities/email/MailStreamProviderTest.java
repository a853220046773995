package dev.herald.activities.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MailStreamProviderTest {

  private final String before = System.getProperty(MailStreamProvider.PROPERTY);

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(MailStreamProvider.PROPERTY);
    } else {
      System.setProperty(MailStreamProvider.PROPERTY, before);
    }
  }

  @Test
  void namesAngusMailsProviderSoJakartaMailSkipsTheClasspathScan() {
    System.clearProperty(MailStreamProvider.PROPERTY);

    MailStreamProvider.skipServiceLoaderScan();

    assertThat(System.getProperty(MailStreamProvider.PROPERTY)).isEqualTo(MailStreamProvider.ANGUS);
    assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(MailStreamProvider.ANGUS);
  }

  @Test
  void leavesAProviderNamedByTheOperatorAlone() {
    System.setProperty(MailStreamProvider.PROPERTY, "com.example.OtherStreamProvider");

    MailStreamProvider.skipServiceLoaderScan();

    assertThat(System.getProperty(MailStreamProvider.PROPERTY)).isEqualTo("com.example.OtherStreamProvider");
  }
}
