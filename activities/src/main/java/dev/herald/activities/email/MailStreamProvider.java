package dev.herald.activities.email;

/**
 * Jakarta Mail 2.1 finds its {@code StreamProvider} anew for every message it writes or parses, by a
 * {@code ServiceLoader} scan of the whole classpath ({@code jakarta.mail.util.FactoryFinder}): ~13%
 * of all CPU in the single-send benchmark, in Herald's sender and the in-process SMTP sink alike.
 * FactoryFinder reads a system property of the provider's class name first; naming Angus Mail's
 * provider there skips the scan. A provider someone set explicitly is left alone.
 */
final class MailStreamProvider {

  static final String PROPERTY = "jakarta.mail.util.StreamProvider";
  static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

  private MailStreamProvider() {}

  /** Names Angus Mail's provider unless one is named already or Angus Mail is not on the classpath. */
  static void skipServiceLoaderScan() {
    if (System.getProperty(PROPERTY) != null) {
      return;
    }
    try {
      Class.forName(ANGUS, false, MailStreamProvider.class.getClassLoader());
      System.setProperty(PROPERTY, ANGUS);
    } catch (ClassNotFoundException e) {
      // another Jakarta Mail implementation: its own service lookup stays in charge
    }
  }
}
