package org.bgwizard.aws;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An AWS endpoint on 127.0.0.1 that answers with scripted responses, in order; the last one keeps being
 * served. Records each request's method, path, Authorization header and body.
 */
public final class FakeAwsServer implements AutoCloseable {
  record Answer(int status, String contentType, String body) {}

  public record Request(String method, String path, String authorization, String body) {}

  private final HttpServer server;
  private final Deque<Answer> answers = new ArrayDeque<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile Runnable beforeAnswer = () -> {};

  private FakeAwsServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          exchange.getRequestHeaders().getFirst("Authorization"), body));
      beforeAnswer.run();
      Answer answer;
      synchronized (answers) {
        answer = answers.size() > 1 ? answers.poll() : answers.peek();
      }
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", answer.contentType());
      exchange.getResponseHeaders().add("x-amzn-RequestId", "req-" + requests.size());
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
  }

  public static FakeAwsServer start() {
    return new FakeAwsServer();
  }

  FakeAwsServer answer(int status, String contentType, String body) {
    synchronized (answers) {
      answers.add(new Answer(status, contentType, body));
    }
    return this;
  }

  public FakeAwsServer xml(int status, String body) {
    return answer(status, "text/xml", body);
  }

  FakeAwsServer json(int status, String body) {
    return answer(status, "application/x-amz-json-1.1", body);
  }

  /** Runs in the server thread before each answer, e.g. to hold the answer back until a test lets it go. */
  void beforeAnswer(Runnable hook) {
    beforeAnswer = hook;
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
