package dev.herald.workflows.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskedAddressTest {

  @Test
  void anEmailKeepsItsFirstLetterAndItsDomain() {
    assertThat(AddressKind.EMAIL.masked("ada.lovelace@example.com")).isEqualTo("a***@example.com");
    assertThat(AddressKind.EMAIL.masked("민지@example.kr")).isEqualTo("민***@example.kr");
  }

  @Test
  void aPhoneKeepsItsFirstAndLastTwoCharacters() {
    assertThat(AddressKind.PHONE.masked("+441234567889")).isEqualTo("+4*********89");
    assertThat(AddressKind.PHONE.masked("+12345")).isEqualTo("***");
  }

  @Test
  void anIdKeepsItsFirstTwoCharactersAndAnIdThatIsAnEmailIsMaskedAsOne() {
    assertThat(AddressKind.SLACK.masked("U0123ABCD")).isEqualTo("U0***");
    assertThat(AddressKind.RECIPIENT_ID.masked("ada")).isEqualTo("***");
    assertThat(AddressKind.RECIPIENT_ID.masked("ada@example.com")).isEqualTo("a***@example.com");
    assertThat(AddressKind.DEVICES.masked("@handle-only")).isEqualTo("@h***");
  }
}
