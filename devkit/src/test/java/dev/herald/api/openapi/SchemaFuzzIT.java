package dev.herald.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.herald.api.HeraldIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Schemathesis, a schema-based fuzzer, against the running embedded default: generated requests for
 * every operation of the OpenAPI document (valid ones, edge cases, wrong methods, missing headers),
 * each answer held to the document. It fails with the fuzzer's report: each failing case with the
 * curl command that reproduces it. ./test.sh installs the fuzzer (HERALD_SCHEMATHESIS names it);
 * -Dfuzz.seed=N tries other inputs, -Dfuzz.examples=N more of them. The context is closed after: the
 * fuzzer's groups, templates and notifications stay out of other tests.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SchemaFuzzIT extends HeraldIntegrationTest {

  /**
   * The promises the document makes, held on every answer. Left out: positive_data_acceptance (a
   * request valid by the schema may still be refused: an unknown id, the text rules, one field
   * needing another), negative_data_rejection (an empty query value counts as absent, as forms send
   * it), allow_header_conformance (/recipients/import is also /recipients/{id}, whose methods Allow
   * rightly lists), ignored_auth (the fuzzer sends the admin key, which passes everywhere; who may do
   * what is AuthorizationMatrixIT's) and object_level_authorization (likewise).
   */
  static final List<String> CHECKS = List.of("not_a_server_error", "status_code_conformance",
      "content_type_conformance", "response_schema_conformance", "response_headers_conformance",
      "unsupported_method", "missing_required_header", "use_after_free", "ensure_resource_availability");
  /** Server-Sent Events: an answer that never ends by design (InboxIT covers it). */
  static final String ENDLESS = "/api/v1/inbox/stream";
  /** Revoking keys: the fuzzer would revoke its own (and answers 401 from then on). */
  static final String OWN_KEY = "/api/v1/api-keys/{id}";
  private static final long TIMEOUT_MINUTES = 6;

  @Test
  void everyAnswerKeepsTheDocumentsPromises() throws IOException, InterruptedException {
    String fuzzer = System.getenv("HERALD_SCHEMATHESIS");
    if (fuzzer == null || !Files.isExecutable(Path.of(fuzzer))) {
      fail("Schemathesis is not installed (HERALD_SCHEMATHESIS='" + fuzzer + "'): run the tests with ./test.sh, "
          + "which installs it into its cache and names it, or set HERALD_SCHEMATHESIS to its executable");
    }
    // its working directory too: the fuzzer keeps a cache of answers in .schemathesis there
    Path reportDir = Path.of("target", "schemathesis").toAbsolutePath();
    Files.createDirectories(reportDir);
    Path output = reportDir.resolve("output.txt");
    String base = "http://localhost:" + port;
    Process run = new ProcessBuilder(fuzzer, "run", base + "/v3/api-docs", "--url", base,
        "--checks", String.join(",", CHECKS),
        "--max-examples", System.getProperty("fuzz.examples", "20"),
        "--seed", System.getProperty("fuzz.seed", "1"),
        "--exclude-path", ENDLESS, "--exclude-path", OWN_KEY,
        "--header", "Authorization: Bearer " + ADMIN_KEY,
        "--request-timeout", "30", "--no-color",
        // one worker: two threads make Hypothesis trip over CPython 3.11's AST parser ("recursion depth mismatch")
        "--workers", "1",
        "--report", "junit", "--report-dir", reportDir.toString())
        .directory(reportDir.toFile())
        .redirectErrorStream(true).redirectOutput(output.toFile())
        .start();
    if (!run.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      run.destroyForcibly();
      fail("Schemathesis ran longer than " + TIMEOUT_MINUTES + " minutes; its output so far: " + output.toAbsolutePath());
    }
    String report = Files.readString(output);

    assertThat(run.exitValue())
        .withFailMessage("Schemathesis found answers that break the OpenAPI document (replay one with its curl "
            + "line; docs/testing.md):%n%s", report.length() > 40_000 ? report.substring(report.length() - 40_000) : report)
        .isZero();
    assertThat(report).contains("passed");
  }
}
