package dev.herald.api.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The PromQL of ops/: every expression of the Grafana dashboard (its panels' targets and its variables'
 * queries) and of the Prometheus alert rules, and what they name in it: metrics, and the labels each
 * selector, {@code by (...)} clause and {@code label_values} uses.
 */
final class OpsFileQueries {

  /** Herald's, the Temporal SDK's and the JVM's metric names. */
  private static final Pattern METRIC = Pattern.compile("\\b((?:herald|temporal|jvm|process|system)_[a-zA-Z0-9_]+)\\b(\\{[^}]*})?");
  private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)");
  private static final Pattern GROUPING = Pattern.compile("\\b(?:by|on)\\s*\\(([^)]*)\\)");
  private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)");

  /** A metric named in an expression with the labels the expression needs it to have. */
  record Use(String expression, String metric, Set<String> labels) {}

  private OpsFileQueries() {}

  static List<String> dashboardExpressions(Path dashboard) throws IOException {
    JsonNode root = new ObjectMapper().readTree(dashboard.toFile());
    List<String> expressions = new ArrayList<>();
    root.findValues("expr").forEach(expr -> expressions.add(expr.asText()));
    root.path("templating").path("list").forEach(variable -> {
      if (variable.path("query").isObject()) {
        expressions.add(variable.path("query").path("query").asText());
      }
    });
    return expressions;
  }

  @SuppressWarnings("unchecked")
  static List<String> ruleExpressions(Path rules) throws IOException {
    try (Reader reader = Files.newBufferedReader(rules)) {
      Map<String, Object> root = new Yaml().load(reader);
      List<String> expressions = new ArrayList<>();
      for (Map<String, Object> group : (List<Map<String, Object>>) root.get("groups")) {
        for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
          expressions.add((String) rule.get("expr"));
        }
      }
      return expressions;
    }
  }

  /**
   * The metrics an expression names, each with the labels of its own selector; the labels of its grouping
   * clauses go to every metric of the expression that the check finds them on at least one of.
   */
  static List<Use> uses(String expression) {
    List<Use> uses = new ArrayList<>();
    Matcher labelValues = LABEL_VALUES.matcher(expression);
    if (labelValues.find()) {
      return List.of(new Use(expression, labelValues.group(1), Set.of(labelValues.group(2))));
    }
    Matcher metric = METRIC.matcher(expression);
    while (metric.find()) {
      Set<String> labels = new TreeSet<>();
      if (metric.group(2) != null) {
        Matcher matcher = MATCHER.matcher(metric.group(2));
        while (matcher.find()) {
          labels.add(matcher.group(1));
        }
      }
      uses.add(new Use(expression, metric.group(1), labels));
    }
    return uses;
  }

  /** The labels of the expression's {@code by (...)} and {@code on (...)} clauses. */
  static Set<String> groupingLabels(String expression) {
    Set<String> labels = new TreeSet<>();
    Matcher grouping = GROUPING.matcher(expression);
    while (grouping.find()) {
      for (String label : grouping.group(1).split(",")) {
        if (!label.isBlank()) {
          labels.add(label.trim());
        }
      }
    }
    return labels;
  }
}
