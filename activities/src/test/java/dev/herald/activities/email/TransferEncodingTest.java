package dev.herald.activities.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.activation.DataHandler;
import jakarta.mail.internet.MimeUtility;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TransferEncodingTest {

  static Stream<String> texts() {
    return Stream.of("", "Hello Ada, your order shipped.", "two\nlines\r\nand tabs\there", "<p>Hi <b>Ada</b></p>",
        "Grüße aus Köln, schöne Woche!", "日本語のお知らせです", "ok 😀", "é", "éab", "éa", "\u0001 control", "del \u007f",
        "x".repeat(998), "x".repeat(999), "x".repeat(998) + "\n" + "y".repeat(998), "x".repeat(997) + "é",
        "=?utf-8?q?already?= encoded", ".\n.. dots at line starts\n.");
  }

  @ParameterizedTest
  @MethodSource("texts")
  void choosesTheEncodingJakartaMailWouldChooseForUtf8Text(String text) {
    String jakarta = MimeUtility.getEncoding(new DataHandler(text, "text/plain; charset=UTF-8"));

    assertThat(TransferEncoding.of(text).header).isEqualTo(jakarta);
  }
}
