package dev.herald.activities.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

  @ParameterizedTest
  @ValueSource(strings = {"ada@example.com", "first.last+tag@sub.example.co.uk", "ada@bücher.de", "δοκιμή@παράδειγμα.δοκιμή",
      "用户@例子.广告", "ada@xn--bcher-kva.de"})
  void addressesAnInternationalMailSystemTakesAreAccepted(String address) {
    assertThat(EmailAddresses.problem(address)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-an-address", "a@b", "a b@example.com", "Ada <ada@example.com>", "ada@exa mple.com",
      "ada@-bad-.com", "ada@example.com.", "ada@example..com", "a\u0000@example.com", "ada@exam\uD800ple.com",
      "ada@", "@example.com", "a@b@example.com"})
  void malformedAddressesAreRefused(String address) {
    assertThat(EmailAddresses.problem(address)).isPresent();
  }

  @ParameterizedTest
  @CsvSource({
      "ada@bücher.de, ada@xn--bcher-kva.de",
      "ada@BÜCHER.de, ada@xn--bcher-kva.de",
      "ada@example.com, ada@example.com",
      "δοκιμή@παράδειγμα.δοκιμή, δοκιμή@xn--hxajbheg2az3al.xn--jxalpdlp"})
  void theDomainGoesOnTheWireInIdnaForm(String address, String onTheWire) {
    assertThat(EmailAddresses.onTheWire(address)).isEqualTo(onTheWire);
  }

  @ParameterizedTest
  @CsvSource({"ada@bücher.de, false", "müller@example.com, true", "ada@example.com, false"})
  void onlyAMailboxNameBeyondAsciiNeedsSmtpUtf8(String address, boolean needs) {
    assertThat(EmailAddresses.needsSmtpUtf8(address)).isEqualTo(needs);
  }
}
