package dev.herald.api.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The docs' convention as the examples test reads it: what is run, what each call must answer, what is refused. */
class DocExamplesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void eachCallIsCheckedByTheCommentAfterItOnItsLineOrTheNext() {
    DocExamples docs = DocExamples.of("x.md", """
        Send:

        ```sh
        curl -s -X POST http://localhost:8080/a \\
          -d '{"a":"# 1"}'
        # 202 {"status":"ACCEPTED"}
        curl -s http://localhost:8080/b   # 404
        ```
        """);

    assertThat(docs.problems()).isEmpty();
    DocExample example = docs.examples().get(0);
    assertThat(example.line()).isEqualTo(3);
    assertThat(example.notRun()).isNull();
    assertThat(example.expectations()).extracting(Expectation::line, Expectation::status)
        .containsExactly(tuple(6, 202), tuple(7, 404));
    assertThat(example.expectations().get(0).fields()).hasToString("{\"status\":\"ACCEPTED\"}");
    assertThat(example.expectations().get(1).fields()).isNull();
  }

  @Test
  void theJsonBlockRightAfterIsTheAnswerWithEllipsesForWhatIsLeftOut() throws Exception {
    DocExamples docs = DocExamples.of("x.md", """
        <!-- awaited -->
        ```sh
        curl -s http://localhost:8080/n/1   # 200 as below
        ```

        ```json
        {"id":"1","progress":{"sent":1, …},"deliveries":[{"status":"SENT", …}], …}
        ```
        """);

    assertThat(docs.problems()).isEmpty();
    DocExample example = docs.examples().get(0);
    assertThat(example.awaited()).isTrue();
    assertThat(example.expectations().get(0).fields())
        .isEqualTo(JSON.readTree("{\"id\":\"1\",\"progress\":{\"sent\":1},\"deliveries\":[{\"status\":\"SENT\"}]}"));
  }

  @Test
  void anExampleNotRunSaysWhyAndIsKept() {
    DocExamples docs = DocExamples.of("x.md", """
        <!-- not run: needs a real Kafka's command-line tools -->
        ```sh
        kafka-console-producer.sh --topic t
        ```
        """);

    assertThat(docs.problems()).isEmpty();
    assertThat(docs.examples()).singleElement()
        .satisfies(e -> assertThat(e.notRun()).isEqualTo("needs a real Kafka's command-line tools"));
  }

  @Test
  void blocksThatWouldBeSkippedSilentlyOrCannotBeCheckedAreProblems() {
    DocExamples docs = DocExamples.of("x.md", """
        ```
        curl -s http://localhost:8080/a   # 200
        ```
        ```json
        curl -s http://localhost:8080/a   # 200
        ```
        ```sh
        mvn verify
        ```
        ```sh
        curl -s http://localhost:8080/a   # 200 fine
        curl -s http://localhost:8080/b   # 200 as below
        ```
        <!-- awaited -->
        ```sh
        curl -s -X POST http://localhost:8080/a   # 202
        ```
        """);

    assertThat(docs.problems()).containsExactly(
        "x.md:1: a fenced block says what it is (```sh for a command, ```json ...)",
        "x.md:4: a curl command in a ```json block, not ```sh",
        "x.md:7: runs no curl; mark it <!-- not run: why --> if it is not an example of the API",
        "x.md:11: after the status comes JSON or 'as below', not 'fine'",
        "x.md:12: 'as below' with no ```json block right after the example",
        "x.md:15: an awaited example is run again and again, so it may only read (no -X, -d, -F)");
  }

  @Test
  void anAnswerHoldsTheFieldsShownAndMayHaveMore() throws Exception {
    Expectation expected = new Expectation("x.md", 3, 200,
        JSON.readTree("{\"status\":\"SENT\",\"count\":1,\"items\":[{\"to\":\"b\"}]}"));

    assertThat(expected.mismatch(new Answer(200,
        "{\"status\":\"SENT\",\"count\":1.0,\"more\":true,\"items\":[{\"to\":\"a\"},{\"to\":\"b\",\"x\":2}]}"))).isEmpty();
    assertThat(expected.mismatch(new Answer(202, "{}"))).hasValueSatisfying(m -> assertThat(m).startsWith("x.md:3: expected 200"));
    assertThat(expected.mismatch(new Answer(200, "{\"status\":\"PENDING\",\"count\":1,\"items\":[]}")))
        .hasValueSatisfying(m -> assertThat(m).startsWith("x.md:3: status is \"PENDING\", not \"SENT\""));
    assertThat(expected.mismatch(new Answer(200, "{\"status\":\"SENT\",\"count\":1,\"items\":[{\"to\":\"a\"}]}")))
        .hasValueSatisfying(m -> assertThat(m).startsWith("x.md:3: items has no element like {\"to\":\"b\"}"));
    assertThat(expected.mismatch(new Answer(200, "<html>"))).hasValueSatisfying(m -> assertThat(m).contains("not JSON"));
  }
}
