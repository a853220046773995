package dev.herald.worker.encryption;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.EncodingKeys;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nonnull;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts Temporal payloads with AES-256-GCM: a random 96-bit nonce per payload, then the
 * ciphertext and its 128-bit tag, under the active key, whose id goes into the payload's metadata
 * beside the encoding {@code binary/encrypted}. Decodes with whichever key the payload names; a
 * payload without that encoding (written before encryption, e.g. by Herald 0.1.0) passes as it is.
 */
public final class EncryptionCodec implements PayloadCodec {

  public static final ByteString ENCODING = ByteString.copyFromUtf8("binary/encrypted");
  public static final String KEY_ID = "encryption-key-id";
  static final String CIPHER_KEY = "encryption-cipher";
  private static final String CIPHER = "AES/GCM/NoPadding";
  private static final ByteString CIPHER_NAME = ByteString.copyFromUtf8(CIPHER);
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final PayloadKeys keys;
  private final SecureRandom random = new SecureRandom();

  public EncryptionCodec(PayloadKeys keys) {
    this.keys = keys;
  }

  public PayloadKeys keys() {
    return keys;
  }

  @Nonnull
  @Override
  public List<Payload> encode(@Nonnull List<Payload> payloads) {
    PayloadKey key = keys.active();
    ByteString keyId = ByteString.copyFromUtf8(key.id());
    List<Payload> encoded = new ArrayList<>(payloads.size());
    try {
      Cipher cipher = Cipher.getInstance(CIPHER);
      for (Payload payload : payloads) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
        byte[] plain = payload.toByteArray();
        ByteBuffer data = ByteBuffer.allocate(NONCE_BYTES + cipher.getOutputSize(plain.length)).put(nonce);
        cipher.doFinal(ByteBuffer.wrap(plain), data);
        encoded.add(Payload.newBuilder()
            .putMetadata(EncodingKeys.METADATA_ENCODING_KEY, ENCODING)
            .putMetadata(CIPHER_KEY, CIPHER_NAME)
            .putMetadata(KEY_ID, keyId)
            .setData(ByteString.copyFrom(data.flip()))
            .build());
      }
    } catch (GeneralSecurityException e) {
      throw new PayloadCodecException("could not encrypt a payload with key '" + key.id() + "'", e);
    }
    return encoded;
  }

  @Nonnull
  @Override
  public List<Payload> decode(@Nonnull List<Payload> payloads) {
    List<Payload> decoded = new ArrayList<>(payloads.size());
    Cipher cipher = null;
    for (Payload payload : payloads) {
      if (!ENCODING.equals(payload.getMetadataOrDefault(EncodingKeys.METADATA_ENCODING_KEY, null))) {
        decoded.add(payload);
        continue;
      }
      if (cipher == null) {
        cipher = newCipher();
      }
      decoded.add(decrypt(cipher, payload));
    }
    return decoded;
  }

  private Payload decrypt(Cipher cipher, Payload payload) {
    ByteString keyIdBytes = payload.getMetadataOrDefault(KEY_ID, null);
    if (keyIdBytes == null) {
      throw new PayloadCodecException("an encrypted payload names no key (metadata " + KEY_ID + ")");
    }
    String keyId = keyIdBytes.toStringUtf8();
    PayloadKey key = keys.byId(keyId).orElseThrow(() -> new UnknownPayloadKeyException(keyId, keys.ids()));
    ByteString data = payload.getData();
    if (data.size() < NONCE_BYTES + TAG_BITS / 8) {
      throw new PayloadCodecException("an encrypted payload under key '" + keyId + "' is too short to be one");
    }
    try {
      cipher.init(Cipher.DECRYPT_MODE, key.key(),
          new GCMParameterSpec(TAG_BITS, data.substring(0, NONCE_BYTES).toByteArray()));
      byte[] plain = cipher.doFinal(data.substring(NONCE_BYTES).toByteArray());
      return Payload.parseFrom(plain);
    } catch (AEADBadTagException e) {
      throw new PayloadCodecException("an encrypted payload under key '" + keyId + "' failed authentication: it was "
          + "altered, or encrypted with another key of that id", e);
    } catch (GeneralSecurityException | InvalidProtocolBufferException e) {
      throw new PayloadCodecException("could not decrypt a payload under key '" + keyId + "'", e);
    }
  }

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance(CIPHER);
    } catch (GeneralSecurityException e) {
      throw new PayloadCodecException("this JVM has no " + CIPHER, e);
    }
  }
}
