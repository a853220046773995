package dev.herald.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.codec.TemporalCodecController;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 7: an operator decides on a broadcast waiting for approval from the Temporal CLI, with
 * the README's command: the requester's own decision is refused and shows in the notification, the
 * CLI describes the signal, and the README's decision sends the broadcast.
 */
@ExtendWith(E2eProcesses.class)
class CliApprovalIT {

  private static final int MEMBERS = 1_001;
  private static final Pattern README_SIGNAL = Pattern.compile("```sh\\n(temporal workflow signal [^`]*)```");

  @Test
  void anOperatorApprovesFromTheTemporalCliAsTheReadmeShows() throws Exception {
    E2eProcesses processes = E2eProcesses.get();
    HeraldClient herald = new HeraldClient(processes.infraUrl());
    herald.groupOf("e2e-cli", "cli-member", MEMBERS);
    String id = herald.pendingBroadcast("e2e-cli-approval", "e2e-cli");

    String own = cli(processes, "temporal workflow signal --workflow-id '" + id + "' --name decide "
        + "--input '{\"decision\":\"APPROVE\",\"approver\":\"e2e\"}'");
    assertThat(own).as("the CLI's answer").contains("Signal workflow succeeded");
    Awaitility.await("the refusal shows").atMost(Duration.ofSeconds(30)).until(() -> herald.notification(id)
        .get("statusDetail").asText().contains("refused a decision from 'e2e': 'e2e' requested this send"));
    assertThat(herald.notification(id).get("status").asText()).isEqualTo("PENDING_APPROVAL");

    String metadata = cli(processes, "temporal workflow metadata --workflow-id '" + id + "' --codec-endpoint "
        + processes.infraUrl() + TemporalCodecController.PATH);
    assertThat(metadata).contains("decide", "Approve or reject a send waiting for approval", "four-eyes");

    cli(processes, readmeSignal().replace("notification-billing~vip-sale-1", id));

    assertThat(herald.awaitFinal(id, Duration.ofMinutes(3))).isEqualTo("COMPLETED");
    var approval = herald.notification(id).get("approval");
    assertThat(approval.get("decidedBy").asText()).isEqualTo("ops-alice");
    assertThat(approval.get("comment").asText()).isEqualTo("checked the audience");
    assertThat(herald.sent(id)).isEqualTo(MEMBERS);
  }

  /** The README's CLI command, its line continuations joined. */
  private static String readmeSignal() throws IOException {
    String readme = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("README.md"));
    Matcher block = README_SIGNAL.matcher(readme);
    assertThat(block.find()).as("README.md shows a `temporal workflow signal` command").isTrue();
    return block.group(1).replace("\\\n", " ").strip();
  }

  /** Runs a command line with the suite's CLI against its dev server and namespace; its output. */
  private static String cli(E2eProcesses processes, String commandLine) throws IOException, InterruptedException {
    String line = commandLine.replaceFirst("^temporal ", "'" + E2eProcesses.temporalCli() + "' ");
    List<String> command = new ArrayList<>(List.of("bash", "-c", line));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("TEMPORAL_ADDRESS", "localhost:" + E2eProcesses.TEMPORAL_PORT);
    builder.environment().put("TEMPORAL_NAMESPACE", E2eProcesses.NAMESPACE);
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("the CLI did not answer in 60 s: " + line);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("%s\n%s", line, output).isZero();
    return output;
  }
}
