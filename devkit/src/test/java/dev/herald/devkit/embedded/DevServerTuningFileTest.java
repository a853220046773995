package dev.herald.devkit.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** start.sh and the compose file start the dev server with the same tuning as the all-in-one app. */
class DevServerTuningFileTest {

  private static final Path TEMPORAL_DEV = Path.of("../temporal-dev");

  @Test
  void startScriptOptionsFileSaysWhatTheAppPasses() throws IOException {
    List<String> inFile = new ArrayList<>();
    for (String line : Files.readAllLines(TEMPORAL_DEV.resolve("server-options"))) {
      String option = line.strip();
      if (!option.isEmpty() && !option.startsWith("#")) {
        inFile.addAll(List.of(option.split(" ", 2)));
      }
    }
    assertThat(inFile).isEqualTo(DevServerTuning.ARGS);
  }

  @Test
  void composeFileStartsTheServerWithTheSameTuning() throws IOException {
    Matcher matcher = Pattern.compile("(--dynamic-config-value|--sqlite-pragma) (\\S+)")
        .matcher(Files.readString(TEMPORAL_DEV.resolve("compose.yaml")));
    List<String> inCompose = new ArrayList<>();
    while (matcher.find()) {
      inCompose.addAll(List.of(matcher.group(1), matcher.group(2)));
    }
    assertThat(inCompose).isEqualTo(DevServerTuning.ARGS);
  }
}
