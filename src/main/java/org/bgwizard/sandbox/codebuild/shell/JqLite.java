package org.bgwizard.sandbox.codebuild.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The jq a buildspec uses to turn {@code aws ecs describe-task-definition} output into taskdef.json (seed 001 and
 * {@code Buildspec}'s generated variant): paths ({@code .a.b}, {@code .a[]}, {@code .a[0]}), {@code |},
 * {@code del(…)}, {@code select(x == y)}, {@code ==}/{@code !=}, assignment {@code lhs = rhs}, {@code $var},
 * string and number literals, parentheses. Anything else is an error, as jq itself would give for a typo.
 */
final class JqLite {
  static final class JqException extends RuntimeException {
    JqException(String message) {
      super(message);
    }
  }

  private sealed interface Expr permits Path, Pipe, Del, Select, Assign, Compare, Var, Literal, Comma {}

  private record Path(List<Object> segments) implements Expr {}

  private record Pipe(Expr left, Expr right) implements Expr {}

  private record Comma(List<Expr> items) implements Expr {}

  private record Del(Expr paths) implements Expr {}

  private record Select(Expr condition) implements Expr {}

  private record Assign(Expr target, Expr value) implements Expr {}

  private record Compare(Expr left, Expr right, boolean equal) implements Expr {}

  private record Var(String name) implements Expr {}

  private record Literal(JsonNode value) implements Expr {}

  /** Marks {@code []} in a path. */
  private static final Object ITERATE = new Object();

  private final String src;
  private final Map<String, String> args;
  private int pos;

  private JqLite(String src, Map<String, String> args) {
    this.src = src;
    this.args = args;
  }

  /** Runs {@code program} over {@code input} with {@code --arg} values; every output, in order. */
  static List<JsonNode> run(String program, JsonNode input, Map<String, String> args) {
    JqLite jq = new JqLite(program, args);
    Expr e = jq.pipe();
    jq.skipBlanks();
    if (jq.pos < program.length()) {
      throw jq.syntaxError();
    }
    return jq.eval(e, input);
  }

  // ---- parser

  private Expr pipe() {
    Expr left = comma();
    while (peek("|") && !peek("|=")) {
      pos++;
      left = new Pipe(left, comma());
    }
    return left;
  }

  private Expr comma() {
    Expr first = assignment();
    if (!peek(",")) {
      return first;
    }
    List<Expr> items = new ArrayList<>(List.of(first));
    while (peek(",")) {
      pos++;
      items.add(assignment());
    }
    return new Comma(items);
  }

  private Expr assignment() {
    Expr left = comparison();
    if (peek("=") && !peek("==")) {
      pos++;
      return new Assign(left, comparison());
    }
    return left;
  }

  private Expr comparison() {
    Expr left = term();
    if (peek("==") || peek("!=")) {
      boolean equal = src.startsWith("==", pos);
      pos += 2;
      return new Compare(left, term(), equal);
    }
    return left;
  }

  private Expr term() {
    skipBlanks();
    if (pos >= src.length()) {
      throw syntaxError();
    }
    char c = src.charAt(pos);
    if (c == '(') {
      pos++;
      Expr inner = pipe();
      expect(")");
      return inner;
    }
    if (c == '$') {
      pos++;
      return new Var(identifier());
    }
    if (c == '"') {
      return new Literal(TextNode.valueOf(string()));
    }
    if (Character.isDigit(c) || c == '-') {
      int start = pos++;
      while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
        pos++;
      }
      return new Literal(JsonNodeFactory.instance.numberNode(new java.math.BigDecimal(src.substring(start, pos))));
    }
    if (c == '.') {
      return path();
    }
    String word = identifier();
    switch (word) {
      case "del" -> {
        expect("(");
        Expr paths = pipe();
        expect(")");
        return new Del(paths);
      }
      case "select" -> {
        expect("(");
        Expr cond = pipe();
        expect(")");
        return new Select(cond);
      }
      case "true", "false" -> {
        return new Literal(BooleanNode.valueOf(word.equals("true")));
      }
      case "null" -> {
        return new Literal(JsonNodeFactory.instance.nullNode());
      }
      default -> throw new JqException("jq: error: " + word + "/0 is not defined at <top-level>, line 1:\n" + src);
    }
  }

  private Expr path() {
    List<Object> segments = new ArrayList<>();
    pos++;
    if (pos < src.length() && (Character.isLetter(src.charAt(pos)) || src.charAt(pos) == '_')) {
      segments.add(identifier());
    }
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '.' && pos + 1 < src.length() && (Character.isLetter(src.charAt(pos + 1)) || src.charAt(pos + 1) == '_')) {
        pos++;
        segments.add(identifier());
      } else if (c == '.' && pos + 1 < src.length() && src.charAt(pos + 1) == '"') {
        pos++;
        segments.add(string());
      } else if (c == '[') {
        pos++;
        skipBlanks();
        if (peek("]")) {
          segments.add(ITERATE);
        } else {
          int start = pos;
          while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
            pos++;
          }
          segments.add(Integer.parseInt(src.substring(start, pos)));
        }
        expect("]");
      } else {
        break;
      }
    }
    return new Path(segments);
  }

  private String identifier() {
    int start = pos;
    while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
      pos++;
    }
    if (start == pos) {
      throw syntaxError();
    }
    return src.substring(start, pos);
  }

  private String string() {
    StringBuilder sb = new StringBuilder();
    pos++;
    while (pos < src.length() && src.charAt(pos) != '"') {
      if (src.charAt(pos) == '\\' && pos + 1 < src.length()) {
        pos++;
      }
      sb.append(src.charAt(pos++));
    }
    expect("\"");
    return sb.toString();
  }

  private boolean peek(String token) {
    skipBlanks();
    return src.startsWith(token, pos);
  }

  private void expect(String token) {
    if (!peek(token)) {
      throw syntaxError();
    }
    pos += token.length();
  }

  private void skipBlanks() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
  }

  private JqException syntaxError() {
    return new JqException("jq: error: syntax error, unexpected INVALID_CHARACTER (Unix shell quoting issues?) at"
        + " <top-level>, line 1:\n" + src + "\njq: 1 compile error");
  }

  // ---- evaluation

  private List<JsonNode> eval(Expr e, JsonNode in) {
    if (e instanceof Path p) {
      List<JsonNode> out = new ArrayList<>();
      for (List<Object> path : paths(p, in)) {
        out.add(at(in, path));
      }
      return out;
    }
    if (e instanceof Pipe p) {
      List<JsonNode> out = new ArrayList<>();
      for (JsonNode mid : eval(p.left(), in)) {
        out.addAll(eval(p.right(), mid));
      }
      return out;
    }
    if (e instanceof Comma c) {
      List<JsonNode> out = new ArrayList<>();
      c.items().forEach(item -> out.addAll(eval(item, in)));
      return out;
    }
    if (e instanceof Select s) {
      return truthy(eval(s.condition(), in)) ? List.of(in) : List.of();
    }
    if (e instanceof Compare c) {
      JsonNode l = first(eval(c.left(), in));
      JsonNode r = first(eval(c.right(), in));
      boolean same = l.isNumber() && r.isNumber() ? l.decimalValue().compareTo(r.decimalValue()) == 0 : l.equals(r);
      return List.of(BooleanNode.valueOf(same == c.equal()));
    }
    if (e instanceof Var v) {
      String value = args.get(v.name());
      if (value == null) {
        throw new JqException("jq: error: $" + v.name() + " is not defined at <top-level>, line 1:\n" + src);
      }
      return List.of(TextNode.valueOf(value));
    }
    if (e instanceof Literal l) {
      return List.of(l.value());
    }
    if (e instanceof Del d) {
      JsonNode copy = in.deepCopy();
      List<List<Object>> targets = paths(d.paths(), in);
      // later array indexes first, so earlier deletions do not shift them
      targets.sort(Comparator.comparing((List<Object> p) -> p.isEmpty() || !(p.get(p.size() - 1) instanceof Integer)
          ? -1 : (Integer) p.get(p.size() - 1)).reversed());
      for (List<Object> p : targets) {
        delete(copy, p);
      }
      return List.of(copy);
    }
    Assign a = (Assign) e;
    JsonNode value = first(eval(a.value(), in));
    JsonNode copy = in.deepCopy();
    for (List<Object> p : paths(a.target(), in)) {
      set(copy, p, value.deepCopy());
    }
    return List.of(copy);
  }

  /** The paths a path expression designates in {@code in} (jq's path(…)). */
  private List<List<Object>> paths(Expr e, JsonNode in) {
    if (e instanceof Path p) {
      List<List<Object>> out = new ArrayList<>();
      walk(in, p.segments(), 0, new ArrayList<>(), out);
      return out;
    }
    if (e instanceof Pipe p) {
      List<List<Object>> out = new ArrayList<>();
      for (List<Object> prefix : paths(p.left(), in)) {
        for (List<Object> rest : paths(p.right(), at(in, prefix))) {
          List<Object> full = new ArrayList<>(prefix);
          full.addAll(rest);
          out.add(full);
        }
      }
      return out;
    }
    if (e instanceof Comma c) {
      List<List<Object>> out = new ArrayList<>();
      c.items().forEach(item -> out.addAll(paths(item, in)));
      return out;
    }
    if (e instanceof Select s) {
      return truthy(eval(s.condition(), in)) ? new ArrayList<>(List.of(new ArrayList<>())) : new ArrayList<>();
    }
    throw new JqException("jq: error: Invalid path expression in " + src);
  }

  private static void walk(JsonNode node, List<Object> segs, int i, List<Object> prefix, List<List<Object>> out) {
    if (i == segs.size()) {
      out.add(new ArrayList<>(prefix));
      return;
    }
    Object seg = segs.get(i);
    if (seg == ITERATE) {
      if (node != null && node.isArray()) {
        for (int k = 0; k < node.size(); k++) {
          prefix.add(k);
          walk(node.get(k), segs, i + 1, prefix, out);
          prefix.remove(prefix.size() - 1);
        }
      } else if (node != null && node.isObject()) {
        for (var names = node.fieldNames(); names.hasNext(); ) {
          String name = names.next();
          prefix.add(name);
          walk(node.get(name), segs, i + 1, prefix, out);
          prefix.remove(prefix.size() - 1);
        }
      } else {
        throw new JqException("jq: error (at <stdin>:0): Cannot iterate over " + kind(node));
      }
      return;
    }
    prefix.add(seg);
    walk(child(node, seg), segs, i + 1, prefix, out);
    prefix.remove(prefix.size() - 1);
  }

  private static JsonNode child(JsonNode node, Object seg) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (seg instanceof String name) {
      if (!node.isObject()) {
        throw new JqException("jq: error (at <stdin>:0): Cannot index " + kind(node) + " with \"" + name + "\"");
      }
      return node.get(name);
    }
    if (!node.isArray()) {
      throw new JqException("jq: error (at <stdin>:0): Cannot index " + kind(node) + " with number");
    }
    return node.get((Integer) seg);
  }

  private static JsonNode at(JsonNode root, List<Object> path) {
    JsonNode node = root;
    for (Object seg : path) {
      node = child(node, seg);
    }
    return node == null ? JsonNodeFactory.instance.nullNode() : node;
  }

  private static void set(JsonNode root, List<Object> path, JsonNode value) {
    JsonNode parent = root;
    for (Object seg : path.subList(0, path.size() - 1)) {
      parent = child(parent, seg);
    }
    Object last = path.get(path.size() - 1);
    if (parent instanceof ObjectNode o && last instanceof String name) {
      o.set(name, value);
    } else if (parent instanceof ArrayNode a && last instanceof Integer k) {
      a.set(k, value);
    }
  }

  private static void delete(JsonNode root, List<Object> path) {
    if (path.isEmpty()) {
      return;
    }
    JsonNode parent = at(root, path.subList(0, path.size() - 1));
    Object last = path.get(path.size() - 1);
    if (parent instanceof ObjectNode o && last instanceof String name) {
      o.remove(name);
    } else if (parent instanceof ArrayNode a && last instanceof Integer k && k < a.size()) {
      a.remove(k);
    }
  }

  private static JsonNode first(List<JsonNode> values) {
    return values.isEmpty() ? JsonNodeFactory.instance.nullNode() : values.get(0);
  }

  private static boolean truthy(List<JsonNode> values) {
    return values.stream().anyMatch(v -> !v.isNull() && !(v.isBoolean() && !v.booleanValue()));
  }

  private static String kind(JsonNode node) {
    if (node == null || node.isNull()) {
      return "null (null)";
    }
    return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
