package org.bgwizard.aws;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An AWS endpoint on 127.0.0.1 that answers each operation by name: JSON protocols name it in X-Amz-Target
 * ({@code AmazonEC2ContainerServiceV20141113.DescribeServices} → DescribeServices), query protocols in the body's
 * {@code Action=}. Unknown operations get a 400 naming them. Records every call.
 */
public final class RoutingAwsServer implements AutoCloseable {
  /** One call: the operation's name and the request body. */
  public record Call(String operation, String body) {}

  private final HttpServer server;
  private final Map<String, Function<String, String>> answers = new ConcurrentHashMap<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();

  private RoutingAwsServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      boolean json = target != null;
      String operation = json ? target.substring(target.indexOf('.') + 1) : queryAction(body);
      calls.add(new Call(operation, body));
      Function<String, String> answer = answers.get(operation);
      int status = answer == null ? 400 : 200;
      String text = answer != null ? answer.apply(body) : json
          ? "{\"__type\":\"UnknownOperationException\",\"message\":\"no answer for " + operation + "\"}"
          : "<ErrorResponse><Error><Code>UnknownOperation</Code><Message>no answer for " + operation
              + "</Message></Error><RequestId>r</RequestId></ErrorResponse>";
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", json ? "application/x-amz-json-1.1" : "text/xml");
      exchange.getResponseHeaders().add("x-amzn-RequestId", "req-" + calls.size());
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
  }

  private static String queryAction(String body) {
    for (String pair : body.split("&")) {
      if (pair.startsWith("Action=")) {
        return URLDecoder.decode(pair.substring("Action=".length()), StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  public static RoutingAwsServer start() {
    return new RoutingAwsServer();
  }

  /** Answers {@code operation} with what {@code answer} makes of the request body, from now on. */
  public RoutingAwsServer on(String operation, Function<String, String> answer) {
    answers.put(operation, answer);
    return this;
  }

  public RoutingAwsServer on(String operation, String answer) {
    return on(operation, body -> answer);
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The calls of {@code operation}, in order. */
  public List<Call> calls(String operation) {
    return calls.stream().filter(c -> c.operation().equals(operation)).toList();
  }

  /** SDK clients with fake keys sending every call here, retrying quickly. */
  public AwsClients clients(String region) {
    return AwsClients.real(Connection.endpoint(endpoint(), null, region), Fixtures.QUICK,
        TestEnvironment.withFakeKeys(null));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
