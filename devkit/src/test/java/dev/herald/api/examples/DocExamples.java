package dev.herald.api.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the shell examples of the README and docs/*.md by the convention of docs/testing.md
 * ("The docs' examples"): a ```sh block is a command a reader pastes; each curl call in it is
 * followed, on its last line or the next, by a comment {@code # <status>} with the answer's key
 * fields as JSON, or {@code as below} for the ```json block right after the example; the line
 * right before the block may say {@code <!-- awaited -->} or {@code <!-- not run: <why> -->}.
 * A block that breaks the convention is a {@link #problems() problem}, never left out.
 */
final class DocExamples {

  static final String SHELL = "sh";
  private static final Pattern FENCE = Pattern.compile("^```(\\S*)\\s*$");
  private static final Pattern EXPECTATION = Pattern.compile("(?:^|\\s)#\\s*(\\d{3})(?:\\s+(.*?))?\\s*$");
  private static final Pattern NOT_RUN = Pattern.compile("^<!--\\s*not run:\\s*(.+?)\\s*-->$");
  private static final Pattern AWAITED = Pattern.compile("^<!--\\s*awaited\\s*-->$");
  private static final String AS_BELOW = "as below";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<DocExample> examples = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  private DocExamples() {}

  /** README.md, then docs/*.md by name: the order a reader follows the links in. */
  static DocExamples in(Path repository) {
    DocExamples found = new DocExamples();
    List<Path> files = new ArrayList<>(List.of(repository.resolve("README.md")));
    try (Stream<Path> docs = Files.list(repository.resolve("docs"))) {
      docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path file : files) {
      try {
        found.read(repository.relativize(file).toString(), Files.readAllLines(file));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return found;
  }

  /** The examples of one markdown text named {@code file}. */
  static DocExamples of(String file, String markdown) {
    DocExamples found = new DocExamples();
    found.read(file, markdown.lines().toList());
    return found;
  }

  List<DocExample> examples() {
    return examples;
  }

  /** Each block that breaks the convention: where, and what is wrong. */
  List<String> problems() {
    return problems;
  }

  private void read(String file, List<String> lines) {
    List<Block> blocks = blocks(file, lines);
    for (int i = 0; i < blocks.size(); i++) {
      Block block = blocks.get(i);
      Block next = i + 1 < blocks.size() && blocks.get(i + 1).follows(block, lines) ? blocks.get(i + 1) : null;
      if (block.info().isEmpty()) {
        problems.add(block.where() + ": a fenced block says what it is (```" + SHELL + " for a command, ```json ...)");
      } else if (block.info().equals(SHELL)) {
        example(file, block, next, lines);
      } else if (block.text().contains("curl ")) {
        problems.add(block.where() + ": a curl command in a ```" + block.info() + " block, not ```" + SHELL);
      }
    }
  }

  private void example(String file, Block block, Block next, List<String> lines) {
    String before = block.line() > 1 ? lines.get(block.line() - 2).strip() : "";
    Matcher notRun = NOT_RUN.matcher(before);
    if (notRun.matches()) {
      examples.add(new DocExample(file, block.line(), block.text(), List.of(), notRun.group(1), false));
      return;
    }
    if (!block.text().contains("curl ")) {
      problems.add(block.where() + ": runs no curl; mark it <!-- not run: why --> if it is not an example of the API");
      return;
    }
    boolean awaited = AWAITED.matcher(before).matches();
    if (awaited && block.text().matches("(?s).*\\s(-X|-d|--data\\S*|-F|--form)\\s.*")) {
      problems.add(block.where() + ": an awaited example is run again and again, so it may only read (no -X, -d, -F)");
    }
    List<Expectation> expectations = new ArrayList<>();
    List<String> blockLines = block.text().lines().toList();
    for (int i = 0; i < blockLines.size(); i++) {
      int line = block.line() + 1 + i;
      Matcher expected = EXPECTATION.matcher(blockLines.get(i));
      if (expected.find()) {
        int problemsBefore = problems.size();
        JsonNode fields = fields(file, line, expected.group(2), next);
        if (problems.size() == problemsBefore) {
          expectations.add(new Expectation(file, line, Integer.parseInt(expected.group(1)), fields));
        }
      }
    }
    examples.add(new DocExample(file, block.line(), block.text(), expectations, null, awaited));
  }

  /** The key fields after a status: JSON on the line, the ```json block below, or null for none (or a problem). */
  private JsonNode fields(String file, int line, String shown, Block next) {
    if (shown == null || shown.isEmpty()) {
      return null;
    }
    String json;
    if (shown.equals(AS_BELOW)) {
      if (next == null || !next.info().equals("json")) {
        problems.add(file + ":" + line + ": '" + AS_BELOW + "' with no ```json block right after the example");
        return null;
      }
      json = next.text();
    } else if (shown.startsWith("{") || shown.startsWith("[")) {
      json = shown;
    } else {
      problems.add(file + ":" + line + ": after the status comes JSON or '" + AS_BELOW + "', not '" + shown + "'");
      return null;
    }
    try {
      return JSON.readTree(withoutEllipses(json));
    } catch (JsonProcessingException e) {
      problems.add(file + ":" + line + ": the answer shown is not JSON (with … for what is left out): "
          + e.getOriginalMessage());
      return null;
    }
  }

  /** "…" stands for fields and elements left out: {@code {"a":1, …}} shows {@code a}. */
  static String withoutEllipses(String shown) {
    return shown.replaceAll(",\\s*…", "").replace("…", "");
  }

  private static List<Block> blocks(String file, List<String> lines) {
    List<Block> blocks = new ArrayList<>();
    int open = -1;
    String info = null;
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      Matcher fence = FENCE.matcher(lines.get(i));
      if (open < 0 && fence.matches()) {
        open = i + 1;
        info = fence.group(1);
        text.setLength(0);
      } else if (open >= 0 && lines.get(i).strip().equals("```")) {
        blocks.add(new Block(file, open, i + 1, info, text.toString()));
        open = -1;
      } else if (open >= 0) {
        text.append(lines.get(i)).append('\n');
      }
    }
    return blocks;
  }

  /** A fenced block: the lines of its opening and closing fences (from 1), its info string and text. */
  private record Block(String file, int line, int end, String info, String text) {

    String where() {
      return file + ":" + line;
    }

    /** Whether this block comes right after {@code previous}, with only blank lines between. */
    boolean follows(Block previous, List<String> lines) {
      return lines.subList(previous.end(), line - 1).stream().allMatch(String::isBlank);
    }
  }
}
