package dev.herald.worker.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.EncodingKeys;
import io.temporal.payload.codec.PayloadCodecException;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AES-256-GCM over Temporal payloads: what goes in comes out, under whichever key it names, and nothing else does. */
class EncryptionCodecTest {

  private static final SecureRandom RANDOM = new SecureRandom();
  private final PayloadKey old = PayloadKey.generate("2024-01", RANDOM);
  private final PayloadKey current = PayloadKey.generate("2025-06", RANDOM);
  private final Payload plain = DefaultDataConverter.newDefaultInstance()
      .toPayload(new Message("ada@example.com", "Hello Ada")).orElseThrow();

  record Message(String email, String body) {}

  @Test
  void aPayloadComesBackAsItWentInAndIsUnreadableBetween() {
    EncryptionCodec codec = codec(current);

    Payload encrypted = codec.encode(List.of(plain)).get(0);

    assertThat(encrypted.getMetadataMap()).containsEntry(EncodingKeys.METADATA_ENCODING_KEY, EncryptionCodec.ENCODING)
        .containsEntry(EncryptionCodec.KEY_ID, ByteString.copyFromUtf8("2025-06"));
    assertThat(encrypted.toByteString().toStringUtf8()).doesNotContain("ada@example.com").doesNotContain("Hello Ada")
        .doesNotContain("json/plain");
    assertThat(codec.decode(List.of(encrypted))).containsExactly(plain);
  }

  @Test
  void theSamePayloadTwiceIsEncryptedTwoWays() {
    EncryptionCodec codec = codec(current);

    List<Payload> encrypted = codec.encode(List.of(plain, plain));

    assertThat(encrypted.get(0).getData()).isNotEqualTo(encrypted.get(1).getData());
    assertThat(codec.decode(encrypted)).containsExactly(plain, plain);
  }

  @Test
  void afterRotationTheNewKeyEncryptsAndTheOldOneStillDecrypts() {
    Payload underOld = codec(old).encode(List.of(plain)).get(0);
    EncryptionCodec rotated = codec(current, old);

    Payload underNew = rotated.encode(List.of(plain)).get(0);

    assertThat(underNew.getMetadataOrThrow(EncryptionCodec.KEY_ID).toStringUtf8()).isEqualTo("2025-06");
    assertThat(rotated.decode(List.of(underOld, underNew))).containsExactly(plain, plain);
  }

  @Test
  void anAlteredPayloadIsRefused() {
    EncryptionCodec codec = codec(current);
    Payload encrypted = codec.encode(List.of(plain)).get(0);
    byte[] data = encrypted.getData().toByteArray();
    data[data.length / 2] ^= 1;
    Payload altered = encrypted.toBuilder().setData(ByteString.copyFrom(data)).build();

    assertThatThrownBy(() -> codec.decode(List.of(altered))).isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("'2025-06' failed authentication");
  }

  @Test
  void aPayloadUnderAnotherKeyOfTheSameIdIsRefused() {
    Payload encrypted = codec(PayloadKey.generate("2025-06", RANDOM)).encode(List.of(plain)).get(0);

    assertThatThrownBy(() -> codec(current).decode(List.of(encrypted))).isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("failed authentication");
  }

  @Test
  void aPayloadUnderAnUnknownKeyIsRefusedNamingItAndTheKeysKnown() {
    Payload underOld = codec(old).encode(List.of(plain)).get(0);

    assertThatThrownBy(() -> codec(current).decode(List.of(underOld)))
        .isInstanceOfSatisfying(UnknownPayloadKeyException.class, e -> assertThat(e.keyId()).isEqualTo("2024-01"))
        .hasMessageContaining("key '2024-01', which this process does not have (it has 2025-06");
  }

  @Test
  void aKeyIdThatConfigurationCouldNotHoldIsShownWithoutItsOddCharacters() {
    Payload forged = codec(current).encode(List.of(plain)).get(0).toBuilder()
        .putMetadata(EncryptionCodec.KEY_ID, ByteString.copyFromUtf8("x\n\u0000<b>")).build();

    assertThatThrownBy(() -> codec(current).decode(List.of(forged))).hasMessageContaining("key 'x???b?'");
  }

  @Test
  void aPlainPayloadWrittenBeforeEncryptionPassesAsItIs() {
    assertThat(codec(current).decode(List.of(plain))).containsExactly(plain);
  }

  private static EncryptionCodec codec(PayloadKey... keys) {
    return new EncryptionCodec(new PayloadKeys(List.of(keys)));
  }
}
