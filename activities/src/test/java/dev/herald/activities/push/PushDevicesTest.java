package dev.herald.activities.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase.Replace.NONE;

import dev.herald.activities.push.PushDevices.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;

/** The device store on a real PostgreSQL; every test rolls back. */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = NONE)
class PushDevicesTest {

  private static final String OWNER = "acme";

  @Autowired PushDevices devices;

  @Test
  void registeringTwiceKeepsOneDevice() {
    var first = devices.register(OWNER, "ada", "token-ada-phone", DevicePlatform.ANDROID);
    var again = devices.register(OWNER, "ada", "token-ada-phone", DevicePlatform.ANDROID);

    assertThat(first.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(again.outcome()).isEqualTo(Outcome.EXISTING);
    assertThat(again.device().id()).isEqualTo(first.device().id());
    assertThat(devices.devicesOf(OWNER, "ada")).singleElement().satisfies(device -> {
      assertThat(device.token()).isEqualTo("token-ada-phone");
      assertThat(device.platform()).isEqualTo(DevicePlatform.ANDROID);
      assertThat(device.active()).isTrue();
      assertThat(device.createdAt()).isNotNull();
    });
  }

  @Test
  void activeTokensAreTheRecipientsOwnOldestFirst() {
    devices.register(OWNER, "grace", "token-grace-web", DevicePlatform.WEB);
    devices.register(OWNER, "grace", "token-grace-ios", DevicePlatform.IOS);
    devices.register(OWNER, "linus", "token-linus-web", DevicePlatform.WEB);

    assertThat(devices.activeTokens(OWNER, "grace")).containsExactly("token-grace-web", "token-grace-ios");
    assertThat(devices.activeTokens(OWNER, "nobody")).isEmpty();
  }

  @Test
  void aPushGoesToTheNewestHundredDevicesAtMost() {
    for (int i = 0; i < PushDevices.MAX_DEVICES_PER_PUSH + 5; i++) {
      devices.register(OWNER, "hoarder", "token-hoarder-" + i, DevicePlatform.WEB);
    }

    List<String> tokens = devices.activeTokens(OWNER, "hoarder");

    assertThat(tokens).hasSize(PushDevices.MAX_DEVICES_PER_PUSH)
        .startsWith("token-hoarder-5").endsWith("token-hoarder-" + (PushDevices.MAX_DEVICES_PER_PUSH + 4));
  }

  @Test
  void aTokenRegisteredByAnotherRecipientMovesToThem() {
    devices.register(OWNER, "ada", "token-shared-tablet", DevicePlatform.ANDROID);

    var moved = devices.register(OWNER, "grace", "token-shared-tablet", DevicePlatform.WEB);

    assertThat(moved.outcome()).isEqualTo(Outcome.EXISTING);
    assertThat(moved.device().recipientId()).isEqualTo("grace");
    assertThat(moved.device().platform()).isEqualTo(DevicePlatform.WEB);
    assertThat(devices.activeTokens(OWNER, "ada")).isEmpty();
    assertThat(devices.activeTokens(OWNER, "grace")).containsExactly("token-shared-tablet");
  }

  @Test
  void aDeactivatedTokenIsNeverActiveAgainEvenWhenRegisteredAgain() {
    devices.register(OWNER, "ada", "token-ada-old", DevicePlatform.IOS);

    assertThat(devices.deactivate("token-ada-old", "fcm-UNREGISTERED")).isTrue();
    var again = devices.register(OWNER, "ada", "token-ada-old", DevicePlatform.IOS);

    assertThat(again.outcome()).isEqualTo(Outcome.DEACTIVATED);
    assertThat(devices.activeTokens(OWNER, "ada")).isEmpty();
    assertThat(devices.isDeactivated("token-ada-old")).isTrue();
    assertThat(devices.devicesOf(OWNER, "ada")).singleElement().satisfies(device -> {
      assertThat(device.active()).isFalse();
      assertThat(device.deactivatedReason()).isEqualTo("fcm-UNREGISTERED");
      assertThat(device.deactivatedAt()).isNotNull();
    });
  }

  @Test
  void deactivatingTwiceKeepsTheFirstReason() {
    devices.register(OWNER, "ada", "token-ada-twice", DevicePlatform.WEB);

    assertThat(devices.deactivate("token-ada-twice", "fcm-UNREGISTERED")).isTrue();
    assertThat(devices.deactivate("token-ada-twice", "fcm-INVALID_ARGUMENT")).isFalse();

    assertThat(devices.find(OWNER, "token-ada-twice")).get().extracting(PushDevice::deactivatedReason)
        .isEqualTo("fcm-UNREGISTERED");
  }

  @Test
  void unknownTokensAreNeitherDeactivatedNorDeactivatable() {
    assertThat(devices.isDeactivated("token-never-seen")).isFalse();
    assertThat(devices.deactivate("token-never-seen", "fcm-UNREGISTERED")).isFalse();
  }

  @Test
  void anotherOwnersRegistrationOfATokenTakesNothingAway() {
    devices.register(OWNER, "ada", "token-two-apps", DevicePlatform.ANDROID);

    var theirs = devices.register("globex", "ada", "token-two-apps", DevicePlatform.ANDROID);

    assertThat(theirs.outcome()).isEqualTo(PushDevices.Outcome.CREATED);
    assertThat(devices.activeTokens(OWNER, "ada")).containsExactly("token-two-apps");
    assertThat(devices.devicesOf("globex", "ada")).singleElement().extracting(PushDevice::owner).isEqualTo("globex");
    assertThat(devices.unregister("globex", "ada", "token-two-apps")).isTrue();
    assertThat(devices.activeTokens(OWNER, "ada")).containsExactly("token-two-apps");
  }

  @Test
  void aTokenDeadForOneOwnerIsRefusedToAnother() {
    devices.register(OWNER, "ada", "token-dead-everywhere", DevicePlatform.IOS);
    devices.deactivate("token-dead-everywhere", "fcm-UNREGISTERED");

    var theirs = devices.register("globex", "bo", "token-dead-everywhere", DevicePlatform.IOS);

    assertThat(theirs.outcome()).isEqualTo(PushDevices.Outcome.DEACTIVATED);
    assertThat(theirs.device().deactivatedReason()).isEqualTo("fcm-UNREGISTERED");
    assertThat(devices.activeTokens("globex", "bo")).isEmpty();
  }

  @Test
  void unregisterRemovesOnlyTheRecipientsOwnDevice() {
    devices.register(OWNER, "ada", "token-ada-laptop", DevicePlatform.WEB);

    assertThat(devices.unregister(OWNER, "grace", "token-ada-laptop")).isFalse();
    assertThat(devices.unregister(OWNER, "ada", "token-ada-laptop")).isTrue();
    assertThat(devices.unregister(OWNER, "ada", "token-ada-laptop")).isFalse();
    assertThat(devices.devicesOf(OWNER, "ada")).isEmpty();
  }
}
